// Dates as crowdfunding exports write them, to instants. Pure: no I/O.
// "2025-03-01", "2025-03-01T18:04:05Z", "03/01/2025 6:04 PM", "1/3/25", "Mar 1, 2025",
// "1 de marzo de 2025". A date without a time is noon in the organization's time zone
// (as a gift typed by hand); a time without an offset is that zone's wall clock.
import { fold } from "../../../platform/text";

import { zonedToInstant } from "../../../platform/time";

export type DayOrder = "mdy" | "dmy";

const MONTHS: [string, number][] = [
  ["jan", 1],
  ["ene", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["abr", 4],
  ["may", 5],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["ago", 8],
  ["sep", 9],
  ["set", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
  ["dic", 12],
];

function monthOf(word: string): number | null {
  if (word.length < 3 || word.length > 10) return null;
  return MONTHS.find(([prefix]) => word.startsWith(prefix))?.[1] ?? null;
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:t|\s+|,\s*)(.+))?$/;
const DAY_MONTH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:(?:\s+|,\s*)(.+))?$/;
const DAY_NAME = /^(\d{1,2})(?:\s+de)?\s+([a-z]+)\.?(?:\s+de)?,?\s+(\d{4})(?:(?:\s+|,\s*)(.+))?$/;
const NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:(?:\s+|,\s*)(.+))?$/;
const TIME =
  /^(?:at\s+|a\s+las\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/;

type Wall = { y: number; m: number; d: number };
type Clock = { hh: number; mm: number; ss: number; offsetMinutes: number | null };

/** The two numbers of a day/month date, when the cell is one ("03/04/2025"). */
export function dayMonthPair(cell: string): [number, number] | null {
  const m = DAY_MONTH.exec(normalize(cell));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * How to read the file's 03/04/2025 dates: a first number above 12 proves day-first,
 * a second above 12 proves month-first; the stronger evidence wins. With none, the
 * fallback (from the header's language) is a guess, and `guessed` says so.
 */
export function resolveDayOrder(
  cells: readonly string[],
  fallback: DayOrder,
): { order: DayOrder; guessed: boolean } {
  let dmy = 0;
  let mdy = 0;
  let pairs = 0;
  for (const cell of cells) {
    const pair = dayMonthPair(cell);
    if (!pair) continue;
    pairs += 1;
    if (pair[0] > 12 && pair[1] <= 12) dmy += 1;
    if (pair[1] > 12 && pair[0] <= 12) mdy += 1;
  }
  // Year-first (ISO) dates and month names say which is which: nothing was guessed.
  if (pairs === 0) return { order: fallback, guessed: false };
  if (dmy === 0 && mdy === 0) return { order: fallback, guessed: true };
  return { order: dmy > mdy ? "dmy" : "mdy", guessed: false };
}

function normalize(cell: string): string {
  // A leading weekday ("Sat, Mar 1, 2025" / "sábado, 1 de marzo de 2025") says nothing more.
  return fold(cell)
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^[a-z]+\.?,\s+(?=\S)/, "");
}

function readClock(text: string | undefined): Clock | null | "bad" {
  if (text === undefined || text.trim() === "") return null;
  const m = TIME.exec(text.trim());
  if (!m) return "bad";
  let hh = Number(m[1]);
  const mm = Number(m[2]);
  const ss = Number(m[3] ?? 0);
  const half = m[4]?.replace(/[^ap]/g, "");
  if (half) {
    if (hh < 1 || hh > 12) return "bad";
    hh = (hh % 12) + (half === "p" ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 59) return "bad";
  const zone = m[5];
  let offsetMinutes: number | null = null;
  if (zone === "z" || zone === "utc" || zone === "gmt") offsetMinutes = 0;
  else if (zone) {
    const digits = zone.replace(":", "");
    const sign = digits.startsWith("-") ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { hh, mm, ss, offsetMinutes };
}

function readWall(text: string, order: DayOrder): { wall: Wall; rest: string | undefined } | null {
  let m = YEAR_FIRST.exec(text);
  if (m) return { wall: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, rest: m[4] };
  m = DAY_MONTH.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [d, mo] = order === "dmy" ? [a, b] : [b, a];
    return { wall: { y, m: mo, d }, rest: m[4] };
  }
  m = DAY_NAME.exec(text);
  const dayName = m ? monthOf(m[2] ?? "") : null;
  if (m && dayName) return { wall: { y: Number(m[3]), m: dayName, d: Number(m[1]) }, rest: m[4] };
  m = NAME_DAY.exec(text);
  const nameDay = m ? monthOf(m[1] ?? "") : null;
  if (m && nameDay) return { wall: { y: Number(m[3]), m: nameDay, d: Number(m[2]) }, rest: m[4] };
  return null;
}

const EARLIEST = Date.UTC(2000, 0, 1);
const two = (n: number) => String(n).padStart(2, "0");

/**
 * The instant a date cell means, or null when it isn't a real date (31/02/2025,
 * "yesterday"), is before 2000, or more than a day ahead of `now`.
 */
export function readDateCell(
  cell: string,
  order: DayOrder,
  timeZone: string,
  now: Date,
): Date | null {
  const parsed = readWall(normalize(cell), order);
  if (!parsed) return null;
  const clock = readClock(parsed.rest);
  if (clock === "bad") return null;
  const { y, m, d } = parsed.wall;
  const day = `${y}-${two(m)}-${two(d)}`;
  const probe = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== day) return null;
  let instant: Date | null;
  if (clock?.offsetMinutes != null) {
    instant = new Date(
      Date.UTC(y, m - 1, d, clock.hh, clock.mm, clock.ss) - clock.offsetMinutes * 60_000,
    );
  } else {
    instant = zonedToInstant(day, clock ? `${two(clock.hh)}:${two(clock.mm)}` : "12:00", timeZone);
    if (instant && clock) instant = new Date(instant.getTime() + clock.ss * 1000);
  }
  if (!instant || instant.getTime() < EARLIEST || instant.getTime() > now.getTime() + 86_400_000) {
    return null;
  }
  return instant;
}
