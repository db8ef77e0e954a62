import { FormPage } from "../../platform/ui/blocks";
import { Field, type FormState } from "../../platform/ui/forms";
import { EVENT_LIMITS } from "./case-event";
import { eventsText } from "./case-events.messages";
import type { View } from "./case-ui";
import { casesText } from "./defense.messages";

type Props = View & {
  form: FormState;
  kase: { id: string; personDisplayName: string };
  hearingId: string;
};

/** Moves a scheduled hearing in place: a new date, time or court. */
export function HearingReschedulePage(props: Props) {
  const t = eventsText[props.lang];
  const { form, lang } = props;
  const title = t.reschedule_title(props.kase.personDisplayName);
  const back = `/cases/${props.kase.id}`;
  return (
    <FormPage
      {...props}
      title={title}
      section="cases"
      form={form}
      action={`/cases/${props.kase.id}/events/${props.hearingId}/reschedule`}
      submitLabel={t.reschedule_submit}
      cancelHref={back}
      back={{ href: back, label: casesText[lang].case_of(props.kase.personDisplayName) }}
    >
      <div class="panel">
        <p class="hint">{t.reschedule_hint}</p>
        <p class="hint">{t.hearing_when_hint}</p>
        <div class="grid-2">
          <Field name="date" type="date" label={t.date} required />
          <Field name="time" type="time" label={t.time} />
        </div>
        <Field name="court" label={t.court} hint={t.court_hint} maxlength={EVENT_LIMITS.court} />
      </div>
    </FormPage>
  );
}
