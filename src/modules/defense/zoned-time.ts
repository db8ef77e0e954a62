// Wall-clock dates and times in an organization's time zone <-> instants. Pure: no I/O.
// A person types "2025-05-03 09:30" meaning 9:30 where the group is, not in UTC.

const parts = (date: Date, timeZone: string) => {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return out as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
};

/** Milliseconds the zone is ahead of UTC at that instant. */
function offsetAt(instant: number, timeZone: string): number {
  const p = parts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isValidTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/**
 * "2025-05-03" + "09:30" in America/Los_Angeles -> the instant. In a spring-forward gap
 * the time moves forward; in a fall-back overlap the first of the two is used.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date | null {
  if (!isValidDate(date) || !isValidTime(time)) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(guess, timeZone);
  if (second !== guess) guess = Math.min(guess, second);
  return new Date(guess);
}

/** The instant as "YYYY-MM-DD" and "HH:MM" on the zone's wall clock. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const p = parts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${p.year}-${two(p.month)}-${two(p.day)}`,
    time: `${two(p.hour)}:${two(p.minute)}`,
  };
}
