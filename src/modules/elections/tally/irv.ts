import { breakTie, type TieBreak } from "./ties";
import type { ContestInput, ContestResult, Round } from "./types";

/**
 * Instant-runoff for one seat. Each round counts every ballot for its highest-ranked
 * continuing candidate. A candidate with more than half of the ballots still in the count
 * (not exhausted) wins; otherwise the candidate with the fewest votes is excluded (ties:
 * see ties.ts) and the next round begins. The last continuing candidate wins. With no
 * ballot marking any candidate, nobody is elected.
 */
export function countInstantRunoff(input: ContestInput): ContestResult {
  const known = new Set(input.candidates);
  const ballots = input.ballots.map((b) => [...new Set(b)].filter((c) => known.has(c)));
  const blank = input.ballots.filter((b) => b.length === 0).length;
  const continuing = new Set(input.candidates);
  const rounds: Round[] = [];
  const history: Record<string, number>[] = [];
  const ties: TieBreak[] = [];
  let action: Round["action"] = { kind: "count" };
  let quota: number | null = null;

  for (let number = 1; ; number++) {
    const totals: Record<string, number> = {};
    for (const c of input.candidates) totals[c] = 0;
    let exhausted = 0;
    for (const ballot of ballots) {
      const top = ballot.find((c) => continuing.has(c));
      if (top === undefined) exhausted++;
      else totals[top] = (totals[top] ?? 0) + 1;
    }
    history.push(totals);
    const live = ballots.length - exhausted;
    quota = Math.floor(live / 2) + 1;
    const standing = [...continuing];
    const round: Round = {
      number,
      action,
      totals,
      exhausted,
      lostToRounding: 0,
      elected: [],
      excluded: action.kind === "exclude" ? [action.candidate] : [],
    };
    rounds.push(round);
    // No ballot left in the count: nobody is elected (never by lot alone).
    if (standing.length === 0 || live === 0) break;
    const leader = standing.find((c) => (totals[c] ?? 0) >= quota!);
    if (standing.length === 1 || leader !== undefined) {
      round.elected = [leader ?? standing[0]!];
      break;
    }
    const least = Math.min(...standing.map((c) => totals[c] ?? 0));
    const lowest = standing.filter((c) => (totals[c] ?? 0) === least);
    let out = lowest[0]!;
    if (lowest.length > 1) {
      const tie = breakTie(lowest, history, "exclude", number, input.seed);
      ties.push(tie);
      out = tie.chosen;
    }
    continuing.delete(out);
    action = { kind: "exclude", candidate: out };
  }
  return {
    method: "irv",
    seats: 1,
    scale: 1,
    quota,
    ballots: input.ballots.length,
    blank,
    winners: rounds.flatMap((r) => r.elected),
    rounds,
    ties,
  };
}
