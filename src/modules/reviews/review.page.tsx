import { pick } from "../../platform/bilingual";
import { formatDay, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Back, Notice } from "../../platform/ui/blocks";
import { CheckItem, FieldSet } from "../../platform/ui/field-frame";
import {
  ButtonForm,
  Field,
  Form,
  FormAlert,
  type FormState,
  Select,
  SubmitOrCancel,
  TextArea,
} from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { Empty, ItemList, PlainList } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import type { ActionRef } from "./actions-port";
import { adoptionCount } from "./lesson";
import type { FollowUp, Lesson, Review } from "./review-record";
import { reviewsText } from "./reviews.messages";

// The review of one action: the form (first time, or ?edit), or what was written with its
// lessons and follow-ups.

export type View = ViewProps;

type Props = View & {
  event: ActionRef;
  review: Review | null;
  lessons: Lesson[];
  followUps: FollowUp[];
  team: { userId: string; name: string }[];
  form: FormState | null;
  followUpForm: FormState;
  notice?: string | undefined;
};

export function ReviewPage(props: Props) {
  const t = reviewsText[props.lang];
  const title = pick(props.event.title, props.lang).text;
  const writer = can(props.auth.role, "reviews.write");
  return (
    <Page {...props} title={t.review_title(title)}>
      <Back link={{ href: `/actions/${props.event.id}`, label: t.back_to_plan }} />
      <div class="page-head">
        <h1>{t.review_title(title)}</h1>
        {props.review && !props.form && writer && (
          <a class="button secondary" href={`/actions/${props.event.id}/review?edit=1`}>
            {t.edit_review}
          </a>
        )}
      </div>
      <Notice text={props.notice} />
      {props.event.status !== "done" ? (
        <Empty
          title={t.not_done_title}
          body={t.not_done_body}
          action={{ href: `/actions/${props.event.id}`, label: t.back_to_plan }}
        />
      ) : props.form && writer ? (
        <ReviewForm {...props} form={props.form} />
      ) : props.review ? (
        <>
          <ReviewView review={props.review} lang={props.lang} />
          <LessonsPanel lessons={props.lessons} lang={props.lang} />
          <FollowUpsSection {...props} />
        </>
      ) : (
        <Empty body={t.review_lede} />
      )}
    </Page>
  );
}

function ReviewForm(props: Props & { form: FormState }) {
  const t = reviewsText[props.lang];
  const { form, lang } = props;
  const chosen = new Set((props.form.values.authors ?? "").split(",").filter(Boolean));
  const others = props.team.filter((m) => m.userId !== props.auth.user.id);
  return (
    <Form
      action={`/actions/${props.event.id}/review`}
      class="panel form-narrow"
      csrf={props.csrf}
      form={form}
      lang={lang}
    >
      <p class="lede">{t.review_lede}</p>
      <FormAlert form={form} lang={lang} />
      <TextArea name="planned" label={t.planned} hint={t.planned_hint} maxlength={5000} />
      <TextArea name="happened" label={t.happened} hint={t.happened_hint} maxlength={5000} />
      <TextArea name="went_well" label={t.went_well} hint={t.one_per_line} />
      <TextArea name="went_wrong" label={t.went_wrong} hint={t.one_per_line} />
      <Field name="main_cause" label={t.main_cause} maxlength={500} />
      <TextArea name="secondary_causes" label={t.secondary_causes} hint={t.one_per_line} />
      <TextArea name="keep" label={t.keep} hint={t.one_per_line} />
      <TextArea name="change" label={t.change} hint={t.change_hint} />
      {others.length > 0 && (
        <FieldSet legend={t.authors} hint={t.authors_hint} bad={!!form.errors.authors}>
          {others.map((m) => (
            <CheckItem
              id={`f-author-${m.userId}`}
              name={`author_${m.userId}`}
              value="on"
              checked={chosen.has(m.userId)}
              label={m.name}
            />
          ))}
        </FieldSet>
      )}
      <SubmitOrCancel lang={lang} label={t.save_review} cancelHref={`/actions/${props.event.id}`} />
    </Form>
  );
}

function Items(props: { items: string[]; lang: Lang }) {
  return (
    <PlainList
      items={props.items}
      item={(i) => i}
      none={reviewsText[props.lang].nothing}
      class="review-items"
    />
  );
}

function ReviewView(props: { review: Review; lang: Lang }) {
  const t = reviewsText[props.lang];
  const r = props.review;
  return (
    <>
      {r.authors.length > 0 && (
        <p class="muted">{t.written_by(r.authors.map((a) => a.name).join(", "))}</p>
      )}
      {(r.planned || r.happened) && (
        <Panel title={t.planned}>
          <p class="prewrap">{r.planned ?? t.nothing}</p>
          <h3>{t.happened}</h3>
          <p class="prewrap">{r.happened ?? t.nothing}</p>
        </Panel>
      )}
      <Panel title={t.went_well}>
        <Items items={r.wentWell} lang={props.lang} />
      </Panel>
      <Panel title={t.went_wrong}>
        <Items items={r.wentWrong} lang={props.lang} />
        {r.mainCause && (
          <>
            <h3>{t.main_cause}</h3>
            <p>{r.mainCause}</p>
          </>
        )}
        {r.secondaryCauses.length > 0 && (
          <>
            <h3>{t.secondary_causes}</h3>
            <Items items={r.secondaryCauses} lang={props.lang} />
          </>
        )}
      </Panel>
      <Panel title={t.keep}>
        <Items items={r.keep} lang={props.lang} />
      </Panel>
    </>
  );
}

const LESSON_BADGE = {
  open: "missing-badge",
  adopted: "ready-badge",
  closed: "muted-badge",
} as const;

export function LessonStatus(props: { lesson: Lesson; lang: Lang }) {
  const t = reviewsText[props.lang];
  const n = adoptionCount(props.lesson.uses);
  return (
    <span class="meta">
      <span class={`badge ${LESSON_BADGE[props.lesson.status]}`}>
        {t[`status_${props.lesson.status}`]}
      </span>
      {n > 0 && <> · {t.adopted_in(n)}</>}
    </span>
  );
}

/** A lesson at the start of a list line: its words and its status. */
export function LessonLine(props: { lesson: Lesson; lang: Lang }) {
  return (
    <>
      <span class="title">{props.lesson.text}</span>
      <LessonStatus lesson={props.lesson} lang={props.lang} />
    </>
  );
}

function LessonsPanel(props: { lessons: Lesson[]; lang: Lang }) {
  const t = reviewsText[props.lang];
  return (
    <Panel title={t.change} hint={t.lessons_from_review}>
      <ItemList
        items={props.lessons}
        none={t.nothing}
        item={(l) => <LessonLine lesson={l} lang={props.lang} />}
      />
    </Panel>
  );
}

function FollowUpsSection(props: Props) {
  const t = reviewsText[props.lang];
  const { lang } = props;
  const writer = can(props.auth.role, "reviews.write");
  const form = props.followUpForm;
  return (
    <Panel title={t.follow_ups_title} hint={t.follow_ups_hint}>
      <ItemList
        items={props.followUps}
        none={t.follow_ups_none}
        item={(f) => (
          <>
            <span class="title">{f.done ? <s>{f.text}</s> : f.text}</span>
            <span class="meta">
              {f.ownerName} · {t.due_on(formatDay(f.dueOn, lang))}
              {f.done && <> · {t.done}</>}
            </span>
            {(writer || f.ownerUserId === props.auth.user.id) && (
              <ButtonForm
                action={`/follow-ups/${f.id}/done`}
                csrf={props.csrf}
                hidden={{ done: f.done ? "0" : "1", back: `/actions/${props.event.id}/review` }}
              >
                {f.done ? t.mark_not_done : t.mark_done}
              </ButtonForm>
            )}
          </>
        )}
      />
      {writer && (
        <Form
          action={`/actions/${props.event.id}/review/follow-ups`}
          class="subform"
          csrf={props.csrf}
          form={form}
          lang={lang}
        >
          <h3>{t.add_follow_up}</h3>
          <FormAlert form={form} lang={lang} />
          <Field name="text" label={t.follow_up_text} required maxlength={500} />
          <Select
            name="owner"
            label={t.follow_up_owner}
            required
            options={props.team.map((m) => ({ value: m.userId, label: m.name }))}
          />
          <Field name="due_on" label={t.follow_up_due} type="date" required />
          <button type="submit" class="secondary">
            {t.add_follow_up}
          </button>
        </Form>
      )}
    </Panel>
  );
}
