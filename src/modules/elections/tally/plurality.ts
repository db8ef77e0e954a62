import { breakTie, type TieBreak } from "./ties";
import type { ContestInput, ContestResult } from "./types";

/**
 * Plurality (one mark per seat) and approval (any number of marks): one round, every mark
 * is one vote, the `seats` highest totals win. A tie at the last winning place is decided
 * by a seeded draw (there is no earlier round to compare). A candidate with no vote is
 * never elected, so a seat may stay empty.
 */
export function countMarks(input: ContestInput): ContestResult {
  const totals: Record<string, number> = {};
  for (const c of input.candidates) totals[c] = 0;
  let blank = 0;
  for (const ballot of input.ballots) {
    if (ballot.length === 0) blank++;
    for (const c of new Set(ballot)) if (c in totals) totals[c] = (totals[c] ?? 0) + 1;
  }
  const order = [...input.candidates].sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0));
  const winners: string[] = [];
  const ties: TieBreak[] = [];
  const seats = Math.min(input.seats, input.candidates.length);
  // A candidate needs at least one vote: empty seats are never filled by lot.
  let pool = order.filter((c) => (totals[c] ?? 0) > 0);
  while (winners.length < seats && pool.length > 0) {
    const best = totals[pool[0]!] ?? 0;
    const level = pool.filter((c) => (totals[c] ?? 0) === best);
    let pick: string;
    if (level.length === 1 || level.length <= seats - winners.length) {
      pick = level[0]!;
    } else {
      const tie = breakTie(level, [totals], "elect", 1, input.seed);
      ties.push(tie);
      pick = tie.chosen;
    }
    winners.push(pick);
    pool = pool.filter((c) => c !== pick);
  }
  return {
    method: input.method,
    seats: input.seats,
    scale: 1,
    quota: null,
    ballots: input.ballots.length,
    blank,
    winners,
    rounds: [
      {
        number: 1,
        action: { kind: "count" },
        totals,
        exhausted: blank,
        lostToRounding: 0,
        elected: [...winners],
        excluded: [],
      },
    ],
    ties,
  };
}
