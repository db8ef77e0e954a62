import { timeZoneName } from "../../platform/time";
import {
  Field,
  Form,
  FormAlert,
  type FormState,
  Select,
  SubmitOrCancel,
  TextArea,
} from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { outreachText } from "./outreach.messages";
import type { View } from "./outreach-ui";
import { SHIFT_KINDS } from "./shift";

type Props = View & {
  shiftId?: string;
  form: FormState;
  events: { id: string; title: string }[];
  team: { id: string; displayName: string }[];
};

export function ShiftFormPage(props: Props) {
  const t = outreachText[props.lang];
  const { form, lang } = props;
  const title = props.shiftId ? t.edit_title : t.new_title;
  const action = props.shiftId ? `/outreach/${props.shiftId}` : "/outreach";
  const teamError = form.errors.team;
  return (
    <Page {...props} title={title} section="outreach">
      <p>
        <a href={props.shiftId ? `/outreach/${props.shiftId}` : "/outreach"}>← {t.back}</a>
      </p>
      <h1>{title}</h1>
      <Form action={action} class="panel form-narrow" csrf={props.csrf} form={form} lang={lang}>
        <FormAlert form={form} lang={lang} />
        <Select
          name="kind"
          label={t.kind}
          required
          options={SHIFT_KINDS.map((k) => ({ value: k, label: t[`kind_${k}`] }))}
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
          options={[
            { value: "", label: t.no_action },
            ...props.events.map((e) => ({ value: e.id, label: e.title })),
          ]}
        />
        <fieldset class={`field ${teamError ? "has-error" : ""}`}>
          <legend>{t.team}</legend>
          <p class="hint">{t.team_hint}</p>
          {props.team.length === 0 ? (
            <p class="muted">{t.team_none}</p>
          ) : (
            <div class="checks">
              {props.team.map((p) => (
                <div class="check">
                  <input
                    type="checkbox"
                    id={`f-team-${p.id}`}
                    name={`team_${p.id}`}
                    value="on"
                    checked={form.values[`team_${p.id}`] === "on"}
                  />
                  <label for={`f-team-${p.id}`}>{p.displayName}</label>
                </div>
              ))}
            </div>
          )}
        </fieldset>
        <fieldset class="field">
          <legend>{t.counts_legend}</legend>
          <p class="hint">{t.counts_hint}</p>
          <Field name="flyers" label={t.flyers} required inputmode="numeric" maxlength={7} />
          <Field
            name="conversations"
            label={t.conversations}
            required
            inputmode="numeric"
            maxlength={7}
          />
          <Field name="receptive" label={t.receptive} required inputmode="numeric" maxlength={7} />
          <Field name="neutral" label={t.neutral} required inputmode="numeric" maxlength={7} />
          <Field
            name="not_interested"
            label={t.not_interested}
            required
            inputmode="numeric"
            maxlength={7}
          />
        </fieldset>
        <TextArea name="notes" label={t.notes} hint={t.notes_hint} maxlength={2000} />
        <SubmitOrCancel
          lang={lang}
          label={props.shiftId ? t.save_submit : t.create_submit}
          cancelHref={props.shiftId ? `/outreach/${props.shiftId}` : "/outreach"}
        />
      </Form>
    </Page>
  );
}
