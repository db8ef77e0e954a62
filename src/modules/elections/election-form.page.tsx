import { common } from "../../platform/common.messages";
import type { Lang } from "../../platform/i18n";
import { FormPage } from "../../platform/ui/blocks";
import { Checkbox, Field, type FormState, Select, TextArea } from "../../platform/ui/forms";
import type { ViewProps } from "../../platform/ui/view";
import { ENGAGEMENT_LEVELS } from "../people/eligible-people";
import { electionsText } from "./elections.messages";

type Person = { id: string; name: string };

/** One office: names, seats, counting method, candidates (people of the organization). */
export function OfficeFields(props: { form: FormState; lang: Lang; people: Person[] }) {
  const t = electionsText[props.lang];
  const { form, lang } = props;
  const error = form.errors.candidates;
  return (
    <fieldset class="panel">
      <legend>{t.office}</legend>
      <Field name="office_name_es" label={t.office_name_es} required maxlength={120} />
      <Field name="office_name_en" label={t.office_name_en} required maxlength={120} />
      <Field name="seats" label={t.seats} required inputmode="numeric" maxlength={2} />
      <Select
        name="method"
        label={t.method}
        required
        options={(["irv", "stv", "plurality", "approval"] as const).map((m) => ({
          value: m,
          label: t[`method_${m}`],
        }))}
      />
      <p class="hint">{t.method_help}</p>
      <div class={`field ${error ? "has-error" : ""}`} id="f-candidates">
        <p class="label">{t.candidates}</p>
        <p class="hint">{t.candidates_hint}</p>
        {error && (
          <p class="error" id="f-candidates-error">
            {common[lang][`field_${error}`]}
          </p>
        )}
        {props.people.length === 0 && <p>{t.no_people}</p>}
        {props.people.map((p) => (
          <Checkbox name={`cand_${p.id}`} label={p.name} />
        ))}
      </div>
    </fieldset>
  );
}

export function ElectionFormPage(
  props: ViewProps & { form: FormState; people: Person[]; zone: string },
) {
  const t = electionsText[props.lang];
  const { form, lang } = props;
  return (
    <FormPage
      {...props}
      title={t.new_title}
      section="elections"
      action="/elections/new"
      submitLabel={t.create_submit}
      cancelHref="/elections"
    >
      <Field name="title_es" label={t.title_es} required maxlength={200} />
      <Field name="title_en" label={t.title_en} required maxlength={200} />
      <TextArea name="description_es" label={t.description_es} maxlength={4000} />
      <TextArea name="description_en" label={t.description_en} maxlength={4000} />
      <p class="hint">{t.zone_hint(props.zone)}</p>
      <Field name="opens_date" type="date" label={t.opens_date} required />
      <Field name="opens_time" type="time" label={t.opens_time} required />
      <Field name="closes_date" type="date" label={t.closes_date} required />
      <Field name="closes_time" type="time" label={t.closes_time} required />
      <fieldset class="panel">
        <legend>{t.eligibility}</legend>
        <p class="hint">{t.eligibility_hint}</p>
        <p class="label">{t.levels}</p>
        {ENGAGEMENT_LEVELS.map((l) => (
          <Checkbox name={`level_${l}`} label={t[`level_${l}`]} />
        ))}
        <Field name="tags" label={t.tags} maxlength={400} />
      </fieldset>
      <OfficeFields form={form} lang={lang} people={props.people} />
      <div class="panel">
        <Checkbox name="tracker" label={t.tracker} />
        <p class="hint" id="tracker-warning">
          {t.tracker_warning}
        </p>
      </div>
    </FormPage>
  );
}
