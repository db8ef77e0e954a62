import { z } from "zod";
import { optionalText, requiredText } from "../../platform/fields";
import { isValidDate, isValidTime, isValidTimeZone } from "../../platform/time";
import "./outreach.errors";

// Pure domain: what an outreach shift (flyering, canvassing) is, how its input is checked,
// and the totals per action and per month. No I/O.
//
// Privacy (DESIGN "Scope"): how the conversations went is kept as three counts. People who
// were not interested are never recorded by name; only sign-ups link to people.

export const SHIFT_KINDS = ["flyering", "canvassing"] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export type ShiftCounts = {
  flyers: number;
  conversations: number;
  receptive: number;
  neutral: number;
  notInterested: number;
};

export const LIMITS = {
  area: 200,
  notes: 2000,
  /** A generous ceiling that still catches a slip of the keyboard (10000000 flyers). */
  count: 100_000,
  team: 50,
  signUpName: 120,
};

/** How the conversations went can't add up to more conversations than there were. */
export function outcomesFit(c: ShiftCounts): boolean {
  return c.receptive + c.neutral + c.notInterested <= c.conversations;
}

export const EMPTY_COUNTS: ShiftCounts = {
  flyers: 0,
  conversations: 0,
  receptive: 0,
  neutral: 0,
  notInterested: 0,
};

export type ShiftForTotals = ShiftCounts & {
  eventId: string | null;
  /** "2026-11" in the organization's time zone (computed by platform/time). */
  monthKey: string;
  signUps: number;
  team: number;
};

export type Totals = ShiftCounts & { shifts: number; signUps: number; team: number };

export const EMPTY_TOTALS: Totals = { ...EMPTY_COUNTS, shifts: 0, signUps: 0, team: 0 };

export function addShift(total: Totals, s: ShiftForTotals): Totals {
  return {
    shifts: total.shifts + 1,
    flyers: total.flyers + s.flyers,
    conversations: total.conversations + s.conversations,
    receptive: total.receptive + s.receptive,
    neutral: total.neutral + s.neutral,
    notInterested: total.notInterested + s.notInterested,
    signUps: total.signUps + s.signUps,
    team: total.team + s.team,
  };
}

export function totalsOf(shifts: readonly ShiftForTotals[]): Totals {
  return shifts.reduce(addShift, EMPTY_TOTALS);
}

function groupTotals<K>(shifts: readonly ShiftForTotals[], key: (s: ShiftForTotals) => K) {
  const groups = new Map<K, Totals>();
  for (const s of shifts) groups.set(key(s), addShift(groups.get(key(s)) ?? EMPTY_TOTALS, s));
  return groups;
}

/** Newest month first. */
export function totalsByMonth(
  shifts: readonly ShiftForTotals[],
): { month: string; totals: Totals }[] {
  return [...groupTotals(shifts, (s) => s.monthKey)]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([month, totals]) => ({ month, totals }));
}

/** Per linked action; standalone shifts are left out (they show under their month). */
export function totalsByEvent(shifts: readonly ShiftForTotals[]): Map<string, Totals> {
  const groups = new Map<string, Totals>();
  for (const s of shifts) {
    if (s.eventId) groups.set(s.eventId, addShift(groups.get(s.eventId) ?? EMPTY_TOTALS, s));
  }
  return groups;
}

/** Share of conversations that were receptive, in whole percent (0 with no conversations). */
export function receptivePercent(t: ShiftCounts): number {
  return t.conversations === 0 ? 0 : Math.round((100 * t.receptive) / t.conversations);
}

// --- Validation shared by the form and the API -------------------------------------------

const count = z
  .number("wrong_type")
  .int("wrong_type")
  .min(0, "invalid")
  .max(LIMITS.count, "too_long")
  .default(0);

const day = z.string("required").trim().min(1, "required").refine(isValidDate, "invalid_date");
const clock = z.string("required").trim().min(1, "required").refine(isValidTime, "invalid_clock");

export const ShiftFieldsSchema = z
  .object({
    kind: z.enum(SHIFT_KINDS, "invalid_choice"),
    area: requiredText(LIMITS.area),
    /** A day and two wall-clock times in `timeZone`; the operation turns them into instants. */
    date: day,
    startTime: clock,
    endTime: clock,
    timeZone: z.string("required").trim().refine(isValidTimeZone, "invalid_time_zone"),
    eventId: z.uuid("not_found_choice").nullable().default(null),
    team: z
      .array(z.uuid("not_found_choice"), "wrong_type")
      .max(LIMITS.team, "too_many")
      .default([])
      .transform((ids) => [...new Set(ids)]),
    flyers: count,
    conversations: count,
    receptive: count,
    neutral: count,
    notInterested: count,
    notes: optionalText(LIMITS.notes),
  })
  .superRefine((v, ctx) => {
    if (!outcomesFit(v)) {
      ctx.addIssue({ code: "custom", path: ["conversations"], message: "outcomes_exceed" });
    }
    // "HH:MM" strings compare in clock order. A shift past midnight is two shifts.
    if (v.endTime <= v.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "end_before_start" });
    }
  });

export type ShiftFields = z.infer<typeof ShiftFieldsSchema>;
