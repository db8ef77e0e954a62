import { timeZoneName } from "../../platform/time";
import { FormPage } from "../../platform/ui/blocks";
import { CheckItem, FieldSet } from "../../platform/ui/field-frame";
import { Field, type FormState, optionsOf, Select, TextArea } from "../../platform/ui/forms";
import { outreachText } from "./outreach.messages";
import type { View } from "./outreach-ui";
import { SHIFT_KINDS } from "./shift";

/** The counts a shift reports, in the order the form asks them. */
const COUNTS = ["flyers", "conversations", "receptive", "neutral", "not_interested"] as const;

type Props = View & {
  shiftId?: string;
  form: FormState;
  events: { id: string; title: string }[];
  team: { id: string; displayName: string }[];
};

export function ShiftFormPage(props: Props) {
  const t = outreachText[props.lang];
  const { form } = props;
  const title = props.shiftId ? t.edit_title : t.new_title;
  const action = props.shiftId ? `/outreach/${props.shiftId}` : "/outreach";
  return (
    <FormPage
      {...props}
      title={title}
      section="outreach"
      form={form}
      action={action}
      submitLabel={props.shiftId ? t.save_submit : t.create_submit}
      cancelHref={action}
      back={{ href: action, label: t.back }}
    >
      <div class="panel">
        <Select
          name="kind"
          label={t.kind}
          required
          options={optionsOf(SHIFT_KINDS, (k) => t[`kind_${k}`])}
        />
        <Field name="area" label={t.area} hint={t.area_hint} required maxlength={200} />
        <Field name="date" label={t.date} type="date" required />
        <div class="field-row">
          <Field name="start_time" label={t.start_time} type="time" required />
          <Field name="end_time" label={t.end_time} type="time" required />
        </div>
        <p class="hint">{t.time_zone_note(timeZoneName(props.auth.org.timeZone, props.lang))}</p>
        <Select
          name="event_id"
          label={t.linked_action}
          blank={t.no_action}
          options={props.events.map((e) => ({ value: e.id, label: e.title }))}
        />
        <FieldSet legend={t.team} hint={t.team_hint} bad={!!form.errors.team}>
          {props.team.length === 0 ? (
            <p class="muted">{t.team_none}</p>
          ) : (
            <div class="checks">
              {props.team.map((p) => (
                <CheckItem
                  id={`f-team-${p.id}`}
                  name={`team_${p.id}`}
                  value="on"
                  checked={form.values[`team_${p.id}`] === "on"}
                  label={p.displayName}
                />
              ))}
            </div>
          )}
        </FieldSet>
        <fieldset class="field">
          <legend>{t.counts_legend}</legend>
          <p class="hint">{t.counts_hint}</p>
          {COUNTS.map((name) => (
            <Field name={name} label={t[name]} required inputmode="numeric" maxlength={7} />
          ))}
        </fieldset>
        <TextArea name="notes" label={t.notes} hint={t.notes_hint} maxlength={2000} />
      </div>
    </FormPage>
  );
}
