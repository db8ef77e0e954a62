import { createHash } from "node:crypto";

/**
 * The tie rule, shared by every method (docs/decisions/063-elections.md):
 * 1. compare the tied candidates' totals at the earliest round where they differ, keeping
 *    the lowest (for an exclusion) or the highest (for an election or a surplus), and go on
 *    to later rounds while more than one is still tied;
 * 2. if they were equal in every round, draw lots: order them by SHA-256 of the election's
 *    seed, the round, the purpose and the candidate. The seed is random, fixed at the close
 *    and published with the results, so anyone can repeat the draw.
 */
export type TiePurpose = "exclude" | "elect" | "surplus";

export type TieBreak = {
  round: number;
  purpose: TiePurpose;
  among: string[];
  chosen: string;
  by: "earlier-round" | "lot";
};

export type History = readonly Readonly<Record<string, number>>[];

export function lotOrder(
  candidates: readonly string[],
  seed: string,
  round: number,
  purpose: TiePurpose,
): string[] {
  const key = (c: string) =>
    createHash("sha256").update(`${seed}\u0000${round}\u0000${purpose}\u0000${c}`).digest("hex");
  return [...candidates]
    .map((c) => ({ c, k: key(c) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.c);
}

/** Picks one of `tied` (lowest when excluding, highest otherwise) and says how. */
export function breakTie(
  tied: readonly string[],
  history: History,
  purpose: TiePurpose,
  round: number,
  seed: string,
): TieBreak {
  let left = [...tied].sort();
  for (const totals of history) {
    if (left.length === 1) break;
    const values = left.map((c) => totals[c] ?? 0);
    const target = purpose === "exclude" ? Math.min(...values) : Math.max(...values);
    left = left.filter((c) => (totals[c] ?? 0) === target);
  }
  const among = [...tied].sort();
  if (left.length === 1) return { round, purpose, among, chosen: left[0]!, by: "earlier-round" };
  return { round, purpose, among, chosen: lotOrder(left, seed, round, purpose)[0]!, by: "lot" };
}
