import ical, { ICalCalendarMethod } from "ical-generator";
import { pick } from "../../platform/bilingual";
import type { Lang } from "../../platform/i18n";
import { Temporal, zoned } from "../../platform/time";
import type { ActionEvent } from "./event-record";

// iCalendar (RFC 5545) for public actions. One action's file carries its time zone: times
// as TZID wall clock plus a VTIMEZONE built from the zone's real transitions (Temporal), so
// a calendar shows the right hour even across a daylight-saving change.

function offsetText(nanoseconds: number): string {
  const minutes = Math.round(nanoseconds / 60e9);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

const icsLocal = (z: Temporal.ZonedDateTime) =>
  z.toPlainDateTime().toString({ smallestUnit: "second" }).replace(/[-:]/g, "");

/** A VTIMEZONE for `zone` covering the years around `around`, one component per transition. */
export function vtimezone(zone: string, around: Date): string {
  const year = Temporal.Instant.fromEpochMilliseconds(around.getTime()).toZonedDateTimeISO(
    zone,
  ).year;
  let at = Temporal.ZonedDateTime.from({ year: year - 1, month: 1, day: 1, timeZone: zone });
  const end = Temporal.ZonedDateTime.from({ year: year + 2, month: 1, day: 1, timeZone: zone });
  const parts: string[] = [];
  for (let i = 0; i < 12; i++) {
    const next = at.getTimeZoneTransition("next");
    if (!next || Temporal.ZonedDateTime.compare(next, end) >= 0) break;
    const before = next.subtract({ nanoseconds: 1 }).offsetNanoseconds;
    const after = next.offsetNanoseconds;
    const kind = after > before ? "DAYLIGHT" : "STANDARD";
    // DTSTART is the wall-clock time of the change in the offset in effect before it.
    const local = Temporal.Instant.fromEpochNanoseconds(next.epochNanoseconds)
      .toZonedDateTimeISO("UTC")
      .add({ nanoseconds: before });
    parts.push(
      [
        `BEGIN:${kind}`,
        `DTSTART:${icsLocal(local)}`,
        `TZOFFSETFROM:${offsetText(before)}`,
        `TZOFFSETTO:${offsetText(after)}`,
        `END:${kind}`,
      ].join("\r\n"),
    );
    at = next;
  }
  if (parts.length === 0) {
    const offset = offsetText(at.offsetNanoseconds);
    parts.push(
      [
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        `TZOFFSETFROM:${offset}`,
        `TZOFFSETTO:${offset}`,
        "END:STANDARD",
      ].join("\r\n"),
    );
  }
  return [`BEGIN:VTIMEZONE`, `TZID:${zone}`, ...parts, "END:VTIMEZONE"].join("\r\n");
}

export type CalendarEntry = { event: ActionEvent; url: string };

/**
 * A calendar of public actions in `lang` (the other language when one is empty). Times are
 * wall clock with TZID; one VTIMEZONE per zone is put in front of the events (not through
 * ical-generator's calendar zone, which would also write DTSTAMP without its "Z").
 */
export function actionsCalendar(
  orgName: string,
  entries: readonly CalendarEntry[],
  lang: Lang,
): string {
  const calendar = ical({
    name: orgName,
    prodId: { company: "Amparo", product: "actions", language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  const zones = new Map<string, Date>();
  for (const { event, url: given } of entries) {
    // A calendar app can't follow a relative link (no public address set): left out.
    const url = /^https?:\/\//i.test(given) ? given : null;
    if (!zones.has(event.timeZone)) zones.set(event.timeZone, event.startsAt);
    // A ZonedDateTime is written as the zone's wall clock with TZID.
    calendar
      .createEvent({
        id: `${event.id}@amparo`,
        start: zoned(event.startsAt, event.timeZone),
        end: zoned(event.endsAt, event.timeZone),
        summary: pick(event.title, lang).text,
        description: [pick(event.description, lang).text, url].filter(Boolean).join("\n\n"),
        location: [event.placeName, event.placeAddress].filter(Boolean).join(", ") || null,
        url,
        stamp: event.updatedAt,
      })
      .timezone(event.timeZone);
  }
  const text = calendar.toString();
  if (zones.size === 0) return text;
  const blocks = [...zones].map(([zone, around]) => vtimezone(zone, around)).join("\r\n");
  return text.replace("BEGIN:VEVENT", `${blocks}\r\nBEGIN:VEVENT`);
}
