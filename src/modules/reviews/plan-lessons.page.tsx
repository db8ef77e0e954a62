import type { Child } from "hono/jsx";
import { pick } from "../../platform/bilingual";
import { instantToZoned } from "../../platform/time";
import { Back, Notice } from "../../platform/ui/blocks";
import {
  ButtonForm,
  Field,
  Form,
  FormAlert,
  type FormState,
  Select,
} from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { Empty, ItemList } from "../../platform/ui/lists";
import type { ActionRef } from "./actions-port";
import type { Member } from "./leadership";
import { quantityHint } from "./lesson";
import { LessonLine, LessonStatus, type View } from "./review.page";
import type { Lesson } from "./review-record";
import { reviewsText } from "./reviews.messages";

// Lessons for one plan: acknowledge each, or turn it in one step into a material, a role or
// a run-of-show step. Works without JavaScript: each way is its own small form.

type Props = View & {
  event: ActionRef;
  pending: Lesson[];
  handled: Lesson[];
  people: Member[];
  roleLabels: { value: string; label: string }[];
  /** The form that failed, with the lesson it was for. */
  failed?: { lessonId: string; as: string; form: FormState } | undefined;
  notice?: string | undefined;
};

export function PlanLessonsPage(props: Props) {
  const t = reviewsText[props.lang];
  const title = pick(props.event.title, props.lang).text;
  return (
    <Page {...props} title={t.plan_lessons_title(title)}>
      <Back link={{ href: `/actions/${props.event.id}`, label: t.back_to_plan }} />
      <h1>{t.plan_lessons_title(title)}</h1>
      <p class="lede">{t.plan_lessons_lede}</p>
      <Notice text={props.notice} />
      {props.pending.length === 0 ? (
        <Empty
          body={t.plan_lessons_none}
          action={{ href: `/actions/${props.event.id}`, label: t.back_to_plan, secondary: true }}
        />
      ) : (
        props.pending.map((lesson) => <LessonCard {...props} lesson={lesson} />)
      )}
      {props.handled.length > 0 && (
        <Panel title={t.handled_here}>
          <ItemList
            items={props.handled}
            item={(l) => <LessonLine lesson={l} lang={props.lang} />}
          />
        </Panel>
      )}
    </Page>
  );
}

function LessonCard(props: Props & { lesson: Lesson }) {
  const t = reviewsText[props.lang];
  const { lesson, lang } = props;
  const base = `/actions/${props.event.id}/lessons/${lesson.id}`;
  const failed = props.failed?.lessonId === lesson.id ? props.failed : undefined;
  const formFor = (as: string, defaults: Record<string, string>): FormState =>
    failed?.as === as ? failed.form : { values: defaults, errors: {} };
  const day = instantToZoned(props.event.startsAt, props.event.timeZone);
  return (
    <section class="panel lesson-card" aria-labelledby={`lesson-${lesson.id}`}>
      <h2 id={`lesson-${lesson.id}`}>{lesson.text}</h2>
      <p>
        <LessonStatus lesson={lesson} lang={lang} />
      </p>
      <ButtonForm action={`${base}/acknowledge`} csrf={props.csrf} block>
        {t.acknowledge}
      </ButtonForm>
      <Way
        {...props}
        open={failed?.as === "material"}
        summary={t.as_material}
        action={`${base}/adopt`}
        as="material"
        form={formFor("material", {
          item: lesson.text.slice(0, 200),
          quantity: String(quantityHint(lesson.text)),
        })}
        idPrefix={`m-${lesson.id}`}
        fields={(n) => (
          <>
            <Field name={n("item")} label={t.item} required maxlength={200} />
            <Field name={n("quantity")} label={t.quantity} required inputmode="numeric" />
          </>
        )}
      />
      <Way
        {...props}
        open={failed?.as === "role"}
        summary={t.as_role}
        action={`${base}/adopt`}
        as="role"
        form={formFor("role", {})}
        idPrefix={`r-${lesson.id}`}
        fields={(n) =>
          props.people.length === 0 ? (
            <p class="muted">{t.no_people}</p>
          ) : (
            <>
              <Select
                name={n("person")}
                label={t.person}
                required
                options={props.people.map((p) => ({ value: p.id, label: p.displayName }))}
              />
              <Select name={n("role")} label={t.role} required options={props.roleLabels} />
            </>
          )
        }
      />
      <Way
        {...props}
        open={failed?.as === "step"}
        summary={t.as_step}
        action={`${base}/adopt`}
        as="step"
        form={formFor("step", { date: day.date, time: day.time, title: lesson.text.slice(0, 300) })}
        idPrefix={`s-${lesson.id}`}
        fields={(n) => (
          <>
            <Field name={n("date")} label={t.step_date} type="date" required />
            <Field name={n("time")} label={t.step_time} type="time" required />
            <Field name={n("title")} label={t.step_title} required maxlength={300} />
          </>
        )}
      />
    </section>
  );
}

/**
 * One way of adopting a lesson, folded in a <details>. Field names (and so ids) must be
 * unique on the page: they carry `idPrefix`, which the route strips again.
 */
function Way(
  props: View & {
    open: boolean;
    summary: string;
    action: string;
    as: string;
    form: FormState;
    idPrefix: string;
    /** The fields, named through `name` (which adds the prefix); they read the form around them. */
    fields: (name: (key: string) => string) => Child;
  },
) {
  const prefixed: FormState = {
    values: Object.fromEntries(
      Object.entries(props.form.values).map(([k, v]) => [`${props.idPrefix}-${k}`, v]),
    ),
    errors: Object.fromEntries(
      Object.entries(props.form.errors).map(([k, v]) => [`${props.idPrefix}-${k}`, v]),
    ),
  };
  return (
    <details class="disclosure" open={props.open}>
      <summary>{props.summary}</summary>
      <Form
        form={prefixed}
        lang={props.lang}
        action={props.action}
        csrf={props.csrf}
        class="subform"
        browserChecks
      >
        <input type="hidden" name="as" value={props.as} />
        <input type="hidden" name="prefix" value={props.idPrefix} />
        <FormAlert form={prefixed} lang={props.lang} />
        {props.fields((key) => `${props.idPrefix}-${key}`)}
        <button type="submit" class="primary">
          {props.summary}
        </button>
      </Form>
    </details>
  );
}
