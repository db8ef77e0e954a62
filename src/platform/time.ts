// Wall-clock dates and times in an IANA time zone <-> instants, through Temporal
// (temporal-polyfill). Pure: no I/O. A person types "2025-05-03 09:30" meaning 9:30 where
// the group is, not in UTC; every module goes through here (see docs/decisions/060-kernel.md).
import { Temporal } from "temporal-polyfill";

export { Temporal };

/**
 * What to do with a wall-clock time that doesn't exist (spring-forward gap) or happens
 * twice (fall-back overlap). "compatible": a gap moves forward, an overlap takes the first.
 */
export type Disambiguation = "compatible" | "earlier" | "later" | "reject";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "YYYY-MM-DD" naming a real calendar day. */
export function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM", 24-hour clock. */
export function isValidTime(value: string): boolean {
  return TIME.test(value);
}

const knownZones = new Map<string, boolean>();

/** An IANA time zone this runtime knows ("America/Los_Angeles"); offsets like "+02:00" are not zones. */
export function isValidTimeZone(value: string): boolean {
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      known = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value) && value.length <= 64;
      if (known) Temporal.Now.zonedDateTimeISO(value);
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(value, known);
  }
  return known;
}

/** The instant as a Temporal.ZonedDateTime on the zone's wall clock. */
export function zoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

/**
 * "2025-05-03" + "09:30" in America/Los_Angeles -> the instant, or null when the date or
 * time is not valid. Gaps and overlaps follow `disambiguation` (null for "reject").
 */
export function zonedToInstant(
  date: string,
  time: string,
  timeZone: string,
  disambiguation: Disambiguation = "compatible",
): Date | null {
  if (!isValidDate(date) || !isValidTime(time) || !isValidTimeZone(timeZone)) return null;
  try {
    const wall = Temporal.PlainDateTime.from(`${date}T${time}`);
    const at = wall.toZonedDateTime(timeZone, { disambiguation });
    return new Date(at.epochMilliseconds);
  } catch {
    return null;
  }
}

const two = (n: number) => String(n).padStart(2, "0");

/** The instant as "YYYY-MM-DD" and "HH:MM" on the zone's wall clock. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const z = zoned(instant, timeZone);
  return { date: z.toPlainDate().toString(), time: `${two(z.hour)}:${two(z.minute)}` };
}

/** The calendar day ("YYYY-MM-DD") an instant falls on in a time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  return zoned(instant, timeZone).toPlainDate().toString();
}

/** "2025-03" for an instant, on the wall calendar of `timeZone`. */
export function monthKey(instant: Date, timeZone: string): string {
  return zoned(instant, timeZone).toPlainDate().toPlainYearMonth().toString();
}

/** "2025-03-31 22:30" on the zone's wall clock (exports, CSV). */
export function localStamp(instant: Date, timeZone: string): string {
  const { date, time } = instantToZoned(instant, timeZone);
  return `${date} ${time}`;
}

/** The `n` days ending with `last` (inclusive), oldest first: "2025-03-01", ... */
export function daysEnding(last: string, n: number): string[] {
  const end = Temporal.PlainDate.from(last);
  return Array.from({ length: n }, (_, i) => end.subtract({ days: n - 1 - i }).toString());
}

/** The instant at the start of the day `date` in the zone (midnight, or the first moment after a gap). */
export function startOfDay(date: string, timeZone: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Whole calendar days from `from` to `to` on the zone's wall calendar (negative if `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = zoned(from, timeZone).toPlainDate();
  const b = zoned(to, timeZone).toPlainDate();
  return a.until(b, { largestUnit: "days" }).days;
}

/** "America/Los_Angeles" -> "Los Angeles" for people to read (the id stays in forms and data). */
export function zoneLabel(timeZone: string): string {
  const city = timeZone.split("/").pop() ?? timeZone;
  return city.replaceAll("_", " ");
}

/**
 * A time zone as people say it: "Pacific Time (Los Angeles)", "hora del Pacífico (Los
 * Angeles)"; "UTC" stays "UTC". The id ("America/Los_Angeles") stays in forms and data.
 */
export function timeZoneName(timeZone: string, lang: "es" | "en"): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const city = zoneLabel(timeZone);
  try {
    const generic = new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
      timeZone,
      timeZoneName: "longGeneric",
    })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName")?.value;
    return generic && !generic.startsWith("GMT") ? `${generic} (${city})` : city;
  } catch {
    return city;
  }
}

/**
 * "2026-09" -> "sept 2026" / "Sep 2026" ("long": "septiembre de 2026" / "September 2026"):
 * a month with its whole year, never read as a day.
 */
export function monthName(
  month: string,
  lang: "es" | "en",
  style: "short" | "long" = "short",
): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    month: style,
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}
