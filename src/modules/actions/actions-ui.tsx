import type { Bilingual } from "../../platform/bilingual";
import { pick } from "../../platform/bilingual";
import { formatDateTimeRange, type Lang } from "../../platform/i18n";
import type { Fact } from "../../platform/ui/facts";
import type { RoleKind } from "./action";
import { actionsText } from "./actions.messages";
import type { ActionEvent } from "./event-record";

// Small pieces shared by the actions pages.

/** The title in the reader's language (or the other one, marked with its `lang`). */
export function Title(props: { text: Bilingual; lang: Lang }) {
  const shown = pick(props.text, props.lang);
  return <span lang={shown.lang === props.lang ? undefined : shown.lang}>{shown.text}</span>;
}

export function titleText(text: Bilingual, lang: Lang): string {
  return pick(text, lang).text;
}

/** "Dec 5, 2026, 6:00 – 8:00 PM" in the action's own time zone. */
export function whenText(
  e: Pick<ActionEvent, "startsAt" | "endsAt" | "timeZone">,
  lang: Lang,
): string {
  return formatDateTimeRange(e.startsAt, e.endsAt, lang, e.timeZone);
}

/**
 * A role's name: the one written for a custom role, else the kind's name in `lang` (a
 * stored role is one of ROLE_KINDS).
 */
export function roleName(r: { role: string; customName: string | null }, lang: Lang): string {
  if (r.role === "custom") return r.customName ?? "";
  return actionsText[lang][`role_${r.role as Exclude<RoleKind, "custom">}`];
}

export function timeOnly(instant: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    timeStyle: "short",
    timeZone,
  }).format(instant);
}

/** When, where and the meeting point of an action, as Facts (the place and meeting point when given). */
export function whenAndWhere(
  e: Pick<
    ActionEvent,
    "startsAt" | "endsAt" | "timeZone" | "placeName" | "placeAddress" | "meetingPoint"
  >,
  lang: Lang,
  t: { when: string; where: string; meeting_point: string },
): (Fact | null | "")[] {
  return [
    { label: t.when, value: whenText(e, lang) },
    e.placeName && {
      label: t.where,
      value: [e.placeName, e.placeAddress].filter(Boolean).join(", "),
    },
    e.meetingPoint && { label: t.meeting_point, value: e.meetingPoint },
  ];
}
