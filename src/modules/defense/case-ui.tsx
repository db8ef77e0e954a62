import { type AppContext, requireUuidParam } from "../../platform/http";
import { formatDate, formatDateTime, type Lang } from "../../platform/i18n";
import { formatMoney } from "../../platform/money";
import { ItemList, Meta } from "../../platform/ui/lists";
import { pageView, type ViewProps } from "../../platform/ui/view";
import { CASE_STATUSES, type CaseStatus } from "./case";
import type { CaseListItem, HearingItem } from "./case-dashboard";
import type { CaseEvent } from "./case-event";
import { eventsText } from "./case-events.messages";
import { requireCase } from "./case-record";
import { casesText } from "./defense.messages";

// Small pieces shared by the case pages.

export type View = ViewProps;

/** What every case page needs from the request. */
export const view = pageView;

const NOTICES = {
  created: "created",
  saved: "saved",
  event: "event_saved",
  event_deleted: "event_deleted",
  hearing_moved: "hearing_moved",
  family: "family_saved",
  family_removed: "family_removed",
  team: "team_saved",
} as const;

const isNotice = (key: string | undefined): key is keyof typeof NOTICES =>
  !!key && Object.hasOwn(NOTICES, key);
const isStatus = (value: string | undefined): value is CaseStatus =>
  CASE_STATUSES.some((s) => s === value);

/** The "saved" line after a redirect (`?done=...`), in the user's language. */
/** The case named by the route's :id, as the signed-in actor may see it (404 otherwise). */
export const routeCase = (c: AppContext) =>
  requireCase(c.var.deps.db, c.var.actor, requireUuidParam(c));

export function notice(c: AppContext): string | undefined {
  const t = casesText[c.get("lang")];
  const key = c.req.query("done");
  const status = c.req.query("status");
  if (key === "event" && isStatus(status)) return t.event_saved_status(t[`status_${status}`]);
  return isNotice(key) ? t[NOTICES[key]] : undefined;
}

export function StatusBadge(props: { status: CaseStatus; lang: Lang }) {
  return (
    <span class={`badge case-${props.status}`}>
      {casesText[props.lang][`status_${props.status}`]}
    </span>
  );
}

export function hearingKindLabel(kind: string | null, lang: Lang): string | null {
  const t = eventsText[lang];
  switch (kind) {
    case "master":
      return t.hearing_master;
    case "individual":
      return t.hearing_individual;
    case "bond":
      return t.hearing_bond;
    case "other":
      return t.hearing_other;
    default:
      return null;
  }
}

/** "3 de mayo de 2025, 9:30 a. m. · Audiencia de fianza · Sala 3" */
export function hearingLine(
  h: { at: Date; hearingKind: string | null; court: string | null },
  lang: Lang,
  timeZone: string,
): string {
  return [formatDateTime(h.at, lang, timeZone), hearingKindLabel(h.hearingKind, lang), h.court]
    .filter(Boolean)
    .join(" · ");
}

export function CaseList(props: { items: CaseListItem[]; lang: Lang; timeZone: string }) {
  const t = casesText[props.lang];
  return (
    <ItemList
      items={props.items}
      item={(c) => (
        <>
          <a class="title" href={`/cases/${c.id}`}>
            {c.personDisplayName}
          </a>
          <StatusBadge status={c.status} lang={props.lang} />
          <Meta
            items={[
              c.facilityName,
              c.nextHearingAt
                ? `${t.next_hearing}: ${formatDate(c.nextHearingAt, props.lang, props.timeZone)}`
                : "",
              t.last_update(formatDate(c.lastActivityAt, props.lang, props.timeZone)),
            ]}
          />
        </>
      )}
    />
  );
}

export function HearingList(props: { items: HearingItem[]; lang: Lang; timeZone: string }) {
  return (
    <ItemList
      items={props.items}
      item={(h) => (
        <>
          <a class="title" href={`/cases/${h.caseId}`}>
            {h.personDisplayName}
          </a>
          <span class="meta">{hearingLine(h, props.lang, props.timeZone)}</span>
        </>
      )}
    />
  );
}

/** The detail line of a timeline entry (never anything sensitive: those fields live on the case). */
export function eventDetail(e: CaseEvent, lang: Lang): string[] {
  const t = eventsText[lang];
  const place = (f: { name: string } | null) => (f?.name ? f.name : t.unknown_facility);
  const lines: string[] = [];
  if (e.kind === "transferred") {
    lines.push(
      e.fromFacility
        ? t.transfer_line(place(e.fromFacility), place(e.facility))
        : t.to_line(place(e.facility)),
    );
  } else if (e.facility) {
    lines.push(e.facility.name);
  }
  const kind = hearingKindLabel(e.hearingKind, lang);
  if (kind) lines.push(kind);
  if (e.court) lines.push(`${t.court}: ${e.court}`);
  if (e.outcome) lines.push(`${t.outcome}: ${e.outcome}`);
  if (e.amountCents !== null && e.currency)
    lines.push(formatMoney(e.amountCents, e.currency, lang));
  return lines;
}
