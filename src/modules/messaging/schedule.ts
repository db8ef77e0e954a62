import { Temporal } from "../../platform/time";

// Pure scheduling: when reminders go out and when a message may be sent. No I/O.
// Wall-clock arithmetic happens in the recipient's IANA zone, so a reminder "3 days
// before" stays at the same local time across a DST change.

/** The local hours in which messages may go out ("08:00"–"21:00"); null = any time. */
export type SendWindow = { start: string; end: string } | null;
export const DEFAULT_SEND_WINDOW: SendWindow = { start: "08:00", end: "21:00" };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidClock(value: string): boolean {
  return HHMM.test(value);
}

function minutesOf(clock: string): number {
  const m = HHMM.exec(clock);
  if (!m) throw new Error(`not a HH:MM time: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function plainTime(clock: string): Temporal.PlainTime {
  const minutes = minutesOf(clock);
  return new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60);
}

/** True when a local time of day is inside the window (start inclusive, end exclusive). */
export function insideWindow(window: SendWindow, local: Temporal.PlainTime): boolean {
  if (!window) return true;
  const t = local.hour * 60 + local.minute;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return true;
  // A window may wrap past midnight (20:00–02:00).
  return start < end ? t >= start && t < end : t >= start || t < end;
}

export function mayRunAt(window: SendWindow, at: Date, timeZone: string): boolean {
  if (!window) return true;
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return insideWindow(window, local.toPlainTime());
}

/**
 * The first moment at or after `at` when a message may go out in `timeZone`. Outside the
 * window it is the next opening of the window (a nonexistent local time in a DST gap
 * moves forward, as Temporal's "compatible" disambiguation does).
 */
export function nextSendTime(window: SendWindow, at: Date, timeZone: string): Date {
  if (!window || mayRunAt(window, at, timeZone)) return at;
  const zoned = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const opening = plainTime(window.start);
  let candidate = zoned.withPlainTime(opening);
  if (Temporal.ZonedDateTime.compare(candidate, zoned) <= 0) {
    candidate = zoned.toPlainDate().add({ days: 1 }).toZonedDateTime({
      timeZone,
      plainTime: opening,
    });
  }
  return new Date(candidate.epochMilliseconds);
}

/** Hearing reminders go out 7, 3 and 1 days before (the Santa Clara schedule). */
export const HEARING_REMINDER_DAYS = [7, 3, 1] as const;
export type HearingReminderStep = `${(typeof HEARING_REMINDER_DAYS)[number]}d`;

export type PlannedReminder<S extends string> = { step: S; sendAt: Date };

/**
 * N calendar days before, at the same local time of day; a time outside the window moves
 * to the window's opening on that same day, so "7 days before" stays on that day.
 */
function daysBefore(at: Date, days: number, timeZone: string, window: SendWindow): Date {
  const zoned = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  let target = zoned.subtract({ days });
  if (window && !insideWindow(window, target.toPlainTime())) {
    target = target.withPlainTime(plainTime(window.start));
  }
  return new Date(target.epochMilliseconds);
}

/** The hearing reminders still ahead of `now` (a hearing set 2 days out gets only "1d"). */
export function hearingReminders(
  hearingAt: Date,
  timeZone: string,
  window: SendWindow,
  now: Date,
): PlannedReminder<HearingReminderStep>[] {
  const planned: PlannedReminder<HearingReminderStep>[] = [];
  for (const days of HEARING_REMINDER_DAYS) {
    const sendAt = daysBefore(hearingAt, days, timeZone, window);
    if (sendAt.getTime() > now.getTime() && sendAt.getTime() < hearingAt.getTime()) {
      planned.push({ step: `${days}d`, sendAt });
    }
  }
  return planned;
}

export type ActionReminderStep = "day_before" | "morning_of";

/**
 * Reminders for an action: the day before at the action's local start time (moved into
 * the window), and the morning of at the window's opening — skipped when the action
 * starts less than an hour after that (the day-before reminder is enough).
 */
export function actionReminders(
  startsAt: Date,
  timeZone: string,
  window: SendWindow,
  now: Date,
): PlannedReminder<ActionReminderStep>[] {
  const planned: PlannedReminder<ActionReminderStep>[] = [];
  const dayBefore = daysBefore(startsAt, 1, timeZone, window);
  if (dayBefore > now) planned.push({ step: "day_before", sendAt: dayBefore });
  const zoned = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime()).toZonedDateTimeISO(
    timeZone,
  );
  const morning = new Date(
    zoned.withPlainTime(plainTime(window?.start ?? "08:00")).epochMilliseconds,
  );
  const HOUR = 3_600_000;
  if (morning > now && startsAt.getTime() - morning.getTime() >= HOUR) {
    planned.push({ step: "morning_of", sendAt: morning });
  }
  return planned;
}

/**
 * A reminder names the moment it was planned for. It stays true only while the hearing
 * (or action) is still at that moment: a reminder for a hearing that moved is never sent.
 */
export function reminderStillTrue(plannedFor: Date, current: { at: Date } | null): boolean {
  return current !== null && current.at.getTime() === plannedFor.getTime();
}

/** Retry delays: 1 min, 5 min, 25 min, ... capped at 6 hours. After `MAX_ATTEMPTS`, failed. */
export const MAX_ATTEMPTS = 6;
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000 * 5 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}
