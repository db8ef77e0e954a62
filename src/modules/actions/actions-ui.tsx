import type { Bilingual } from "../../platform/bilingual";
import { pick } from "../../platform/bilingual";
import { formatDateTime, type Lang } from "../../platform/i18n";
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

/** "Dec 5, 2026, 6:00 PM – 8:00 PM" in the action's own time zone. */
export function whenText(
  e: Pick<ActionEvent, "startsAt" | "endsAt" | "timeZone">,
  lang: Lang,
): string {
  const start = formatDateTime(e.startsAt, lang, e.timeZone);
  const sameDay =
    formatDateTime(e.startsAt, lang, e.timeZone).split(",").slice(0, 2).join() ===
    formatDateTime(e.endsAt, lang, e.timeZone).split(",").slice(0, 2).join();
  const end = sameDay
    ? new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
        timeStyle: "short",
        timeZone: e.timeZone,
      }).format(e.endsAt)
    : formatDateTime(e.endsAt, lang, e.timeZone);
  return `${start} – ${end}`;
}

export function timeOnly(instant: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    timeStyle: "short",
    timeZone,
  }).format(instant);
}
