import { timeZoneName } from "../../platform/time";
import { FormPage } from "../../platform/ui/blocks";
import {
  Checkbox,
  Field,
  type FormState,
  optionsOf,
  Select,
  TextArea,
} from "../../platform/ui/forms";
import type { ViewProps } from "../../platform/ui/view";
import { TIME_ZONES } from "../accounts/account-schemas";
import { EVENT_KINDS } from "./action";
import { actionsText } from "./actions.messages";

export type HearingOption = { id: string; label: string };

type Props = ViewProps & {
  form: FormState;
  /** Editing an existing action (its id), or creating one. */
  eventId?: string;
  hearings: HearingOption[];
};

export function EventFormPage(props: Props) {
  const t = actionsText[props.lang];
  const { form, lang } = props;
  const title = props.eventId ? t.edit_title : t.new_title;
  const action = props.eventId ? `/actions/${props.eventId}/edit` : "/actions";
  const known: readonly string[] = TIME_ZONES;
  const current = form.values.time_zone ?? "";
  const zones = known.includes(current) || !current ? known : [current, ...known];
  return (
    <FormPage
      {...props}
      title={title}
      section="actions"
      form={form}
      action={action}
      submitLabel={props.eventId ? t.save : t.create}
      cancelHref={props.eventId ? `/actions/${props.eventId}` : "/actions"}
    >
      <div class="panel">
        <Select
          name="kind"
          label={t.f_kind}
          required
          options={optionsOf(EVENT_KINDS, (k) => t[`kind_${k}`])}
        />
        <Field name="title_es" label={t.f_title_es} hint={t.f_title_hint} maxlength={200} />
        <Field name="title_en" label={t.f_title_en} maxlength={200} />
        <div class="grid-2">
          <Field name="start_date" type="date" label={t.f_start_date} required />
          <Field name="start_time" type="time" label={t.f_start_time} required />
        </div>
        <div class="grid-2">
          <Field name="end_date" type="date" label={t.f_end_date} required />
          <Field name="end_time" type="time" label={t.f_end_time} required />
        </div>
        <Select
          name="time_zone"
          label={t.f_time_zone}
          required
          options={optionsOf(zones, (z) => timeZoneName(z, lang))}
        />
        {props.hearings.length > 0 && (
          <Select
            name="hearing_id"
            label={t.f_hearing}
            blank={t.no_hearing}
            options={props.hearings.map((h) => ({ value: h.id, label: h.label }))}
          />
        )}
        <Field name="place_name" label={t.f_place_name} maxlength={300} />
        <Field name="place_address" label={t.f_place_address} maxlength={300} />
        <Field name="meeting_point" label={t.f_meeting_point} maxlength={300} />
        <Field
          name="expected_turnout"
          label={t.f_expected_turnout}
          inputmode="numeric"
          maxlength={7}
        />
        <TextArea name="description_es" label={t.f_description_es} maxlength={5000} />
        <TextArea name="description_en" label={t.f_description_en} maxlength={5000} />
        <Checkbox name="public" label={t.f_public} />
        <Field name="slug" label={t.f_slug} hint={t.f_slug_hint} maxlength={80} />
      </div>
    </FormPage>
  );
}
