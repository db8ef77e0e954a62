// Receiving hours of a drop-off point: ISO weekdays with wall-clock opening and closing
// times in the organization's time zone (never instants: "Saturday 9:00" stays 9:00 across
// daylight-saving changes). Pure: no I/O.
import type { ReceivingHours } from "./supplies.schema";

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type HoursProblem = "invalid_time" | "closes_before_opens" | "invalid_day" | "too_many";

/** Checks and normalises a list of opening rows; an empty list means "ask first". */
export function checkHours(
  rows: readonly ReceivingHours[],
): { ok: true; hours: ReceivingHours[] } | { ok: false; problem: HoursProblem } {
  if (rows.length > 14) return { ok: false, problem: "too_many" };
  const out: ReceivingHours[] = [];
  for (const r of rows) {
    if (!Number.isInteger(r.day) || r.day < 1 || r.day > 7)
      return { ok: false, problem: "invalid_day" };
    const opens = normaliseTime(r.opens);
    const closes = normaliseTime(r.closes);
    if (!opens || !closes) return { ok: false, problem: "invalid_time" };
    if (closes <= opens) return { ok: false, problem: "closes_before_opens" };
    out.push({ day: r.day, opens, closes });
  }
  out.sort((a, b) => a.day - b.day || (a.opens < b.opens ? -1 : 1));
  return { ok: true, hours: out };
}

/** "9:00" -> "09:00"; anything that isn't a time of day -> null. */
export function normaliseTime(value: string): string | null {
  const padded = /^\d:\d\d$/.test(value.trim()) ? `0${value.trim()}` : value.trim();
  return TIME.test(padded) ? padded : null;
}

const DAY_NAMES: Record<"es" | "en", readonly string[]> = {
  es: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

function clock(time: string, lang: "es" | "en"): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  if (lang === "es") return `${h}:${String(m).padStart(2, "0")}`;
  const suffix = h < 12 ? "am" : "pm";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${h12} ${suffix}` : `${h12}:${String(m).padStart(2, "0")} ${suffix}`;
}

/**
 * One line per run of consecutive days with the same hours: "lun–vie 9:00–17:00",
 * "Sat 10 am–2 pm".
 */
export function formatHours(hours: readonly ReceivingHours[], lang: "es" | "en"): string[] {
  const names = DAY_NAMES[lang];
  const byDay = new Map<number, string>();
  for (const h of hours) {
    const span = `${clock(h.opens, lang)}–${clock(h.closes, lang)}`;
    byDay.set(h.day, byDay.has(h.day) ? `${byDay.get(h.day)}, ${span}` : span);
  }
  const lines: string[] = [];
  let day = 1;
  while (day <= 7) {
    const span = byDay.get(day);
    if (!span) {
      day++;
      continue;
    }
    let end = day;
    while (end < 7 && byDay.get(end + 1) === span) end++;
    const first = names[day - 1] ?? "";
    const last = names[end - 1] ?? "";
    lines.push(end === day ? `${first} ${span}` : `${first}–${last} ${span}`);
    day = end + 1;
  }
  return lines;
}
