import type { Child } from "hono/jsx";
import { pick } from "../../platform/bilingual";
import { formatDate, formatDateTime, type Lang } from "../../platform/i18n";
import { FormPage, Notice, PageHead } from "../../platform/ui/blocks";
import {
  ButtonForm,
  Field,
  type FormState,
  languageOptions,
  optionsOf,
  Select,
  TextArea,
} from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { FilterSelect, ListPage, listSearch, listStates } from "../../platform/ui/list-page";
import { ItemList } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import type { PastAction } from "../actions";
import { peopleText } from "../people/people.messages";
import type { Broadcast } from "./broadcast-record";
import { maskContact } from "./contact-point";
import { messagingText } from "./messaging.messages";
import type { OutboxStatus, Segment } from "./messaging.schema";
import type { OutboxItem } from "./outbox-list";
import { countSms } from "./sms-segments";

const STATUSES: OutboxStatus[] = ["queued", "sending", "sent", "failed", "cancelled"];

export function OutboxPage(
  props: ViewProps & {
    items: OutboxItem[];
    total: number;
    page: number;
    pages: number;
    q: string;
    status: OutboxStatus | "";
    timeZone: string;
    sendingOn: boolean;
    notice?: string | undefined;
    pageLink: (page: number) => string;
  },
) {
  const t = messagingText[props.lang];
  const outcome = (o: string | null): string | null =>
    o && `outcome_${o}` in t ? (t[`outcome_${o}` as keyof typeof t] as string) : o;
  return (
    <ListPage
      {...props}
      title={t.outbox_title}
      section="messages"
      notice={props.notice}
      add={{ href: "/messages/broadcasts/new", label: t.new_broadcast }}
      search={listSearch(
        t,
        "/messages",
        props.q,
        <FilterSelect
          name="status"
          label={t.status_label}
          anyLabel={t.status_any}
          value={props.status}
          options={optionsOf(STATUSES, (s) => t[`status_${s}`])}
        />,
      )}
      filtering={props.q !== "" || props.status !== ""}
      count={t.count(props.total)}
      {...listStates(t)}
    >
      {!props.sendingOn && <p class="alert alert-info">{t.not_configured}</p>}
      <ItemList
        items={props.items}
        class="outbox-list"
        item={(m) => (
          <>
            <span class="title" lang={m.language}>
              {m.subject ?? m.body.slice(0, 80)}
            </span>
            <span class={`badge status-${m.status}`}>{t[`status_${m.status}`]}</span>
            <span class="meta">
              {t.to} {maskContact({ channel: m.channel, address: m.address })} ·{" "}
              {m.channel === "sms" ? "SMS" : t.channel_email} · {m.language.toUpperCase()} ·{" "}
              {formatDateTime(m.sentAt ?? m.sendAfter, props.lang, props.timeZone)}
              {m.attempts > 1 ? ` · ${t.attempts(m.attempts)}` : ""}
              {m.outcome ? ` · ${outcome(m.outcome)}` : ""}
              {m.deliveryStatus
                ? ` · ${t[`delivery_${m.deliveryStatus}`]}${m.deliveryError ? ` (${m.deliveryError})` : ""}`
                : ""}
            </span>
          </>
        )}
      />
    </ListPage>
  );
}

const LEVELS = ["contact", "supporter", "active", "core", "leader"] as const;
const ATTENDED_DAYS = [30, 90, 365] as const;

export function BroadcastFormPage(
  props: ViewProps & {
    form: FormState;
    alert?: string | undefined;
    pastActions: PastAction[];
    timeZone: string;
  },
) {
  const t = messagingText[props.lang];
  return (
    <FormPage
      {...props}
      title={t.broadcast_title}
      section="messages"
      action="/messages/broadcasts"
      submitLabel={t.preview}
      cancelHref="/messages"
      intro={
        <>
          <p>{t.broadcast_intro}</p>
          {props.alert && (
            <p class="alert alert-error" role="alert">
              {props.alert}
            </p>
          )}
        </>
      }
    >
      <Select
        name="channel"
        label={t.channel}
        required
        options={[
          { value: "email", label: t.channel_email },
          { value: "sms", label: t.channel_sms },
        ]}
      />
      <Field name="tags" label={t.tags} hint={t.tags_hint} maxlength={500} />
      <Select
        name="language"
        label={t.language}
        required
        blank={t.language_any}
        options={languageOptions((l) => t[`language_${l}`])}
      />
      <Select
        name="level"
        label={t.engagement}
        blank={t.engagement_any}
        options={optionsOf(LEVELS, (l) => peopleText[props.lang][`level_${l}`])}
      />
      <Select
        name="attended"
        label={t.attended}
        hint={t.attended_hint}
        blank={t.attended_any}
        options={[
          ...ATTENDED_DAYS.map((d) => ({ value: `d${d}`, label: t.attended_days(d) })),
          ...props.pastActions.map((a) => ({
            value: a.id,
            label: t.attended_action(
              pick(a.title, props.lang).text,
              formatDate(a.startsAt, props.lang, props.timeZone),
            ),
          })),
        ]}
      />
      <Field name="subject_es" label={t.subject_es} hint={t.body_hint} maxlength={200} />
      <Field name="subject_en" label={t.subject_en} maxlength={200} />
      <TextArea name="body_es" label={t.body_es} required maxlength={20_000} />
      <TextArea name="body_en" label={t.body_en} required maxlength={20_000} />
    </FormPage>
  );
}

function SegmentCount(props: { lang: Lang; label: string; text: string }) {
  const c = countSms(props.text);
  return <li>{messagingText[props.lang].segments(props.label, c.segments, c.encoding)}</li>;
}

export function BroadcastPreviewPage(
  props: ViewProps & {
    broadcast: Broadcast;
    canApprove: boolean;
    notice?: string | undefined;
    alert?: Child;
  },
) {
  const t = messagingText[props.lang];
  const b = props.broadcast;
  const action = `/messages/broadcasts/${b.id}`;
  return (
    <Page {...props} title={t.preview_title} section="messages">
      <div class="narrow">
        <PageHead title={t.preview_title} />
        <Notice text={props.notice} />
        {props.alert && (
          <p class="alert alert-error" role="alert">
            {props.alert}
          </p>
        )}
        <div class="panel">
          <p>{t.segment_title}</p>
          <ul>
            {segmentLines(b.segment, props.lang).map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <p>
            <strong>{t.recipients(b.recipients)}</strong>
          </p>
          <p>{t.excluded_title}</p>
          <ul>
            <li>{t.excluded_no_consent(b.excluded.no_consent)}</li>
            <li>{t.excluded_stopped(b.excluded.stopped)}</li>
            <li>{t.excluded_no_contact(b.excluded.no_contact)}</li>
          </ul>
          {b.channel === "sms" && (
            <ul>
              <SegmentCount lang={props.lang} label={t.language_es} text={b.bodyEs} />
              <SegmentCount lang={props.lang} label={t.language_en} text={b.bodyEn} />
            </ul>
          )}
        </div>
        <div class="panel">
          {b.subjectEs && <h2 lang="es">{b.subjectEs}</h2>}
          <p lang="es" class="pre">
            {b.bodyEs}
          </p>
          {b.subjectEn && <h2 lang="en">{b.subjectEn}</h2>}
          <p lang="en" class="pre">
            {b.bodyEn}
          </p>
        </div>
        {b.status === "draft" && (
          <div class="form-actions">
            <ButtonForm action={`${action}/send`} csrf={props.csrf} tone="primary" block>
              {t.send}
            </ButtonForm>
            {props.canApprove && (
              <ButtonForm action={`${action}/approve`} csrf={props.csrf} block>
                {t.approve}
              </ButtonForm>
            )}
          </div>
        )}
      </div>
    </Page>
  );
}

/** The segment in words, one line per rule. */
function segmentLines(segment: Segment, lang: Lang): string[] {
  const t = messagingText[lang];
  const lines: string[] = [];
  if (segment.tags?.length) lines.push(t.segment_tags(segment.tags.join(", ")));
  if (segment.engagement_levels?.length)
    lines.push(
      t.segment_levels(
        segment.engagement_levels
          .map((l) => peopleText[lang][`level_${l as (typeof LEVELS)[number]}`] ?? l)
          .join(", "),
      ),
    );
  if (segment.languages?.length)
    lines.push(
      t.segment_language(
        segment.languages.map((l) => (l === "es" ? t.language_es : t.language_en)).join(", "),
      ),
    );
  if (segment.attended?.action_id) lines.push(t.segment_attended_action);
  else if (segment.attended?.days) lines.push(t.segment_attended_days(segment.attended.days));
  return lines.length > 0 ? lines : [t.segment_everyone];
}
