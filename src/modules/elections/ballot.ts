import { createHash } from "node:crypto";
import type { Method } from "./tally/tally";

// What a valid ballot is, as pure functions: the API, the ballot page and paper entry
// all check a ballot here before it is stored.
export type OfficeRules = {
  id: string;
  method: Method;
  seats: number;
  candidates: readonly string[];
};

export type BallotProblem =
  | "unknown_office"
  | "unknown_candidate"
  | "duplicate_candidate"
  | "too_many_marks";

/** Most marks a voter may make for one office. */
export function maxMarks(office: OfficeRules): number {
  return office.method === "plurality"
    ? Math.min(office.seats, office.candidates.length)
    : office.candidates.length;
}

/**
 * Checks a ballot against the offices and returns it complete: an office the voter left
 * out is a blank vote for that office (a blank ballot is allowed and counted in turnout).
 */
export function checkBallot(
  offices: readonly OfficeRules[],
  choices: Readonly<Record<string, readonly string[]>>,
):
  | { ok: true; ballot: Record<string, string[]> }
  | { ok: false; problem: BallotProblem; office: string } {
  const byId = new Map(offices.map((o) => [o.id, o]));
  for (const office of Object.keys(choices)) {
    if (!byId.has(office)) return { ok: false, problem: "unknown_office", office };
  }
  const ballot: Record<string, string[]> = {};
  for (const office of offices) {
    const marks = choices[office.id] ?? [];
    const allowed = new Set(office.candidates);
    if (marks.some((c) => !allowed.has(c))) {
      return { ok: false, problem: "unknown_candidate", office: office.id };
    }
    if (new Set(marks).size !== marks.length) {
      return { ok: false, problem: "duplicate_candidate", office: office.id };
    }
    if (marks.length > maxMarks(office)) {
      return { ok: false, problem: "too_many_marks", office: office.id };
    }
    ballot[office.id] = [...marks];
  }
  return { ok: true, ballot };
}

/**
 * The order a voter sees the candidates in: random per voter (so no name gains from being
 * printed first) but stable across reloads of the same ballot, keyed by the voter's secret.
 */
export function ballotOrder<T extends { id: string }>(candidates: readonly T[], key: string): T[] {
  const rank = (id: string) => createHash("sha256").update(`${key}\u0000${id}`).digest("hex");
  return candidates
    .map((c) => ({ c, r: rank(c.id) }))
    .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : 0))
    .map((x) => x.c);
}

/** Ballots of one office, as the tally wants them. */
export function ballotsFor(
  office: string,
  stored: readonly Readonly<Record<string, readonly string[]>>[],
): string[][] {
  return stored.map((b) => [...(b[office] ?? [])]);
}
