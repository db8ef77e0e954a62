import { common } from "../../platform/common.messages";
import type { Lang } from "../../platform/i18n";
import { Back, ConfirmPage, FormPage } from "../../platform/ui/blocks";
import {
  Field,
  Form,
  FormAlert,
  type FormState,
  Select,
  Submit,
  SubmitOrCancel,
  TextArea,
} from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { advocacyText } from "./advocacy.messages";
import type { View } from "./advocacy-ui";
import { LIMITS } from "./call-campaign";

type CampaignRef = { id: string; title: string };

/**
 * Office data only (see call-campaign.ts, "Scope guard"): no field for people or places of
 * enforcement. Inside a <Form>, which gives them what was typed and the errors.
 */
function OfficeFields(props: { lang: Lang }) {
  const t = advocacyText[props.lang];
  return (
    <>
      <Field name="name" label={t.name} required maxlength={LIMITS.targetName} />
      <Field
        name="phones"
        label={t.phones}
        hint={t.phones_hint}
        type="tel"
        inputmode="tel"
        autocomplete="off"
      />
      <TextArea name="address" label={t.address} maxlength={LIMITS.address} />
      <TextArea name="hours" label={t.hours_label} maxlength={LIMITS.hours} />
    </>
  );
}

export function NewTargetPage(
  props: View & {
    campaign: CampaignRef;
    facilities: { id: string; name: string }[];
    directoryForm: FormState;
    officeForm: FormState;
  },
) {
  const t = advocacyText[props.lang];
  const { lang, campaign } = props;
  const action = `/advocacy/${campaign.id}/targets`;
  return (
    <Page {...props} title={t.new_target_title} section="advocacy">
      <div class="narrow">
        <Back link={{ href: `/advocacy/${campaign.id}`, label: campaign.title }} />
        <h1>{t.new_target_title}</h1>
        <Panel title={t.from_directory_title} hint={t.from_directory_hint}>
          {props.facilities.length === 0 ? (
            <p>
              {t.directory_empty} <a href="/facilities/new">{t.directory_add}</a>
            </p>
          ) : (
            <Form action={action} csrf={props.csrf} form={props.directoryForm} lang={lang}>
              <input type="hidden" name="source" value="facility" />
              <FormAlert form={props.directoryForm} lang={lang} />
              <Select
                name="facility_id"
                label={t.facility}
                required
                blank={t.facility_choose}
                options={props.facilities.map((f) => ({ value: f.id, label: f.name }))}
              />
              <Submit label={t.add_facility_submit} />
            </Form>
          )}
        </Panel>
        <Panel title={t.office_title} hint={t.office_hint}>
          <Form action={action} csrf={props.csrf} form={props.officeForm} lang={lang}>
            <input type="hidden" name="source" value="office" />
            <FormAlert form={props.officeForm} lang={lang} />
            <OfficeFields lang={lang} />
            <SubmitOrCancel
              lang={lang}
              label={t.add_office_submit}
              cancelHref={`/advocacy/${campaign.id}`}
            />
          </Form>
        </Panel>
      </div>
    </Page>
  );
}

export function EditTargetPage(
  props: View & { campaign: CampaignRef; target: { id: string; name: string }; form: FormState },
) {
  const t = advocacyText[props.lang];
  const { lang, campaign } = props;
  const title = t.edit_target_title(props.target.name);
  return (
    <FormPage
      {...props}
      title={title}
      section="advocacy"
      form={props.form}
      action={`/advocacy/${campaign.id}/targets/${props.target.id}`}
      submitLabel={common[lang].save}
      cancelHref={`/advocacy/${campaign.id}`}
      back={{ href: `/advocacy/${campaign.id}`, label: campaign.title }}
    >
      <div class="panel">
        <p class="hint">{t.office_hint}</p>
        <OfficeFields lang={lang} />
      </div>
    </FormPage>
  );
}

export function RemoveTargetPage(
  props: View & { campaign: CampaignRef; target: { id: string; name: string } },
) {
  const t = advocacyText[props.lang];
  const { campaign } = props;
  const title = t.remove_title(props.target.name);
  return (
    <ConfirmPage
      {...props}
      title={title}
      section="advocacy"
      body={t.remove_body}
      action={`/advocacy/${campaign.id}/targets/${props.target.id}/delete`}
      confirmLabel={t.remove_confirm}
      cancelHref={`/advocacy/${campaign.id}`}
    />
  );
}
