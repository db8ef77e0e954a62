import { FormPage } from "../../platform/ui/blocks";
import { Field, FormPanel, type FormState, Select, TextArea } from "../../platform/ui/forms";
import { type CaseEventKind, EVENT_FIELDS, EVENT_LIMITS, HEARING_KINDS } from "./case-event";
import { eventsText } from "./case-events.messages";
import { CURRENCY_OPTIONS } from "./case-form";
import { hearingKindLabel, type View } from "./case-ui";
import { casesText } from "./defense.messages";

type Props = View & {
  form: FormState;
  kind: CaseEventKind;
  kase: { id: string; personDisplayName: string };
  facilities: { id: string; name: string }[];
};

export function CaseEventFormPage(props: Props) {
  const t = eventsText[props.lang];
  const { form, lang, kind } = props;
  const fields = new Set(EVENT_FIELDS[kind]);
  const title = t.new_title(t[`kind_${kind}`], props.kase.personDisplayName);
  const facilityOptions = props.facilities.map((f) => ({ value: f.id, label: f.name }));
  return (
    <FormPage
      {...props}
      title={title}
      section="cases"
      form={form}
      action={`/cases/${props.kase.id}/events`}
      submitLabel={t.submit}
      cancelHref={`/cases/${props.kase.id}`}
      back={{
        href: `/cases/${props.kase.id}`,
        label: casesText[lang].case_of(props.kase.personDisplayName),
      }}
    >
      <input type="hidden" name="kind" value={kind} />
      <FormPanel hint={kind === "hearing_scheduled" ? t.hearing_when_hint : t.when_hint}>
        <div class="grid-2">
          <Field name="date" type="date" label={t.date} required />
          <Field name="time" type="time" label={t.time} />
        </div>
        {fields.has("fromFacilityId") && (
          <Select
            name="from_facility_id"
            label={t.from_facility}
            options={[{ value: "", label: t.from_unknown }, ...facilityOptions]}
          />
        )}
        {fields.has("facilityId") && (
          <Select
            name="facility_id"
            label={kind === "transferred" ? t.to_facility : t.facility}
            options={[{ value: "", label: casesText[lang].facility_none }, ...facilityOptions]}
          />
        )}
        {fields.has("facilityId") && (
          <p class="hint">
            {casesText[lang].facility_add_hint}{" "}
            <a href="/facilities/new">{casesText[lang].facility_add}</a>
          </p>
        )}
        {fields.has("hearingKind") && (
          <Select
            name="hearing_kind"
            label={t.hearing_kind}
            options={HEARING_KINDS.map((h) => ({
              value: h,
              label: hearingKindLabel(h, lang) ?? h,
            }))}
          />
        )}
        {fields.has("court") && (
          <Field name="court" label={t.court} hint={t.court_hint} maxlength={EVENT_LIMITS.court} />
        )}
        {fields.has("outcome") && (
          <TextArea name="outcome" label={t.outcome} maxlength={EVENT_LIMITS.outcome} />
        )}
        {fields.has("amount") && (
          <div class="grid-2">
            <Field
              name="amount"
              label={t.amount}
              required={kind === "bond_set"}
              inputmode="numeric"
              autocomplete="off"
            />
            <Select name="currency" label={casesText[lang].currency} options={CURRENCY_OPTIONS} />
          </div>
        )}
        <TextArea
          name="note"
          label={t.note}
          hint={t.note_hint}
          required={kind === "note"}
          maxlength={EVENT_LIMITS.note}
        />
      </FormPanel>
    </FormPage>
  );
}
