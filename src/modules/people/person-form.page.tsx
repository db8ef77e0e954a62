import { common } from "../../platform/common.messages";
import { FormPage } from "../../platform/ui/blocks";
import {
  Checkbox,
  Field,
  FormPanel,
  type FormState,
  languageOptions,
  optionsOf,
  PhonesField,
  Select,
  TextArea,
} from "../../platform/ui/forms";
import type { ViewProps } from "../../platform/ui/view";
import { CONSENT_PURPOSES } from "./people.events";
import { peopleText } from "./people.messages";
import { ENGAGEMENT_LEVELS, LIMITS } from "./person";

type Props = ViewProps & {
  form: FormState;
  /** Present when editing. */
  person?: { id: string; displayName: string };
  withSensitive: boolean;
};

export function PersonFormPage(props: Props) {
  const t = peopleText[props.lang];
  const { form, lang } = props;
  const title = props.person ? t.edit_title(props.person.displayName) : t.new_title;
  const action = props.person ? `/people/${props.person.id}` : "/people";
  const cancel = props.person ? `/people/${props.person.id}` : "/people";
  return (
    <FormPage
      {...props}
      title={title}
      section="people"
      form={form}
      action={action}
      submitLabel={props.person ? common[lang].save : t.create_submit}
      cancelHref={cancel}
      back={{ href: cancel, label: props.person ? props.person.displayName : t.title }}
    >
      <FormPanel>
        <Field
          name="display_name"
          label={t.display_name}
          hint={t.display_name_hint}
          required
          maxlength={LIMITS.name}
        />
        <div class="grid-2">
          <Field
            name="given_name"
            label={t.given_name}
            maxlength={LIMITS.name}
            autocomplete="off"
          />
          <Field
            name="family_name"
            label={t.family_name}
            maxlength={LIMITS.name}
            autocomplete="off"
          />
        </div>
      </FormPanel>
      <FormPanel title={t.contact_section}>
        <Field
          name="emails"
          label={t.emails}
          hint={t.emails_hint}
          inputmode="email"
          autocomplete="off"
        />
        <PhonesField label={t.phones} hint={t.phones_hint} />
        <Select
          name="preferred_language"
          label={t.preferred_language}
          blank={t.lang_unknown}
          options={languageOptions((l) => t[`lang_${l}`])}
        />
        {props.person ? (
          // Consent lives in messaging's records, per contact point and purpose.
          <p class="hint">
            {t.consent_later} <a href={`/people/${props.person.id}/consents`}>{t.consent_link}</a>
          </p>
        ) : (
          <fieldset class="consent-intake">
            <legend>{t.consent}</legend>
            <p class="hint">{t.consent_intro}</p>
            {CONSENT_PURPOSES.map((p) => (
              <Checkbox name={`consent_${p}`} label={t[`consent_${p}`]} />
            ))}
            <Select
              name="consent_source"
              label={t.consent_source}
              blank={t.consent_source_none}
              options={[
                { value: "paper", label: t.consent_source_paper },
                { value: "verbal", label: t.consent_source_verbal },
              ]}
            />
          </fieldset>
        )}
      </FormPanel>
      <FormPanel title={t.about_section}>
        <Select
          name="engagement_level"
          label={t.engagement_level}
          options={optionsOf(ENGAGEMENT_LEVELS, (l) => t[`level_${l}`])}
        />
        <Field name="tags" label={t.tags} hint={t.tags_hint} autocomplete="off" />
        <TextArea name="notes" label={t.notes} hint={t.notes_hint} maxlength={LIMITS.notes} />
      </FormPanel>
      {props.withSensitive && (
        <FormPanel class="sensitive" title={t.sensitive_title} hint={t.sensitive_hint}>
          <Field name="birthdate" type="date" label={t.birthdate} autocomplete="off" />
          <TextArea name="home_address" label={t.home_address} maxlength={LIMITS.address} />
        </FormPanel>
      )}
    </FormPage>
  );
}
