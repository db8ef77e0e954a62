import { breakTie, type TieBreak } from "./ties";
import type { ContestInput, ContestResult, Round } from "./types";

/**
 * Single transferable vote by the Scottish STV rules (The Scottish Local Government
 * Elections Order 2007, Schedule 1, rules 45-52), the Weighted Inclusive Gregory Method:
 * - quota (Droop) = floor(valid ballots / (seats + 1)) + 1;
 * - a candidate whose votes reach the quota is elected;
 * - surpluses are transferred largest first, before any exclusion; every ballot paper the
 *   elected candidate holds moves to its next continuing preference at
 *   transfer value = surplus x value of the paper / candidate's total, computed to five
 *   decimal places with the remainder ignored; what truncation drops is recorded;
 * - with no surplus left to transfer, the candidate with the fewest votes is excluded and
 *   all their papers move on at the value they carry;
 * - when the continuing candidates are no more than the seats left, they are all elected.
 * Ties follow ties.ts (earliest differing round, then a seeded draw). Values are integers
 * in hundred-thousandths of a vote, so nothing here is a float.
 */
export const STV_SCALE = 100_000;

type Parcel = { prefs: readonly string[]; at: number; count: number; value: number };

export function countStv(input: ContestInput): ContestResult {
  const known = new Set(input.candidates);
  const groups = new Map<string, { prefs: string[]; count: number }>();
  let blank = 0;
  for (const ballot of input.ballots) {
    const prefs = [...new Set(ballot)].filter((c) => known.has(c));
    if (prefs.length === 0) {
      blank++;
      continue;
    }
    const key = prefs.join("\u0000");
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { prefs, count: 1 });
  }
  const valid = input.ballots.length - blank;
  const seats = input.seats;
  const quota = (Math.floor(valid / (seats + 1)) + 1) * STV_SCALE;

  const piles = new Map<string, Parcel[]>(input.candidates.map((c) => [c, []]));
  const totals = new Map<string, number>(input.candidates.map((c) => [c, 0]));
  const elected: string[] = [];
  const excluded = new Set<string>();
  const pending: string[] = []; // elected, surplus not yet transferred
  const rounds: Round[] = [];
  const history: Record<string, number>[] = [];
  const ties: TieBreak[] = [];
  let exhausted = 0;
  let lost = 0;
  const isContinuing = (c: string) => !excluded.has(c) && !elected.includes(c);
  const continuing = () => input.candidates.filter(isContinuing);

  /** Hands a parcel to its next continuing preference, or to the non-transferable pile. */
  const place = (parcel: Parcel) => {
    let at = parcel.at;
    while (at < parcel.prefs.length && !isContinuing(parcel.prefs[at]!)) at++;
    const amount = parcel.count * parcel.value;
    const to = parcel.prefs[at];
    if (to === undefined) {
      exhausted += amount;
      return;
    }
    piles.get(to)!.push({ ...parcel, at });
    totals.set(to, totals.get(to)! + amount);
  };

  for (const g of groups.values())
    place({ prefs: g.prefs, at: 0, count: g.count, value: STV_SCALE });

  let action: Round["action"] = { kind: "count" };
  for (let number = 1; valid > 0; number++) {
    const round: Round = {
      number,
      action,
      totals: Object.fromEntries(totals),
      exhausted,
      lostToRounding: lost,
      elected: [],
      excluded: action.kind === "exclude" ? [action.candidate] : [],
    };
    rounds.push(round);
    history.push(round.totals);

    // Elect everyone at or over the quota, highest first.
    const reached = continuing().filter((c) => totals.get(c)! >= quota);
    for (const c of orderByTotal(reached, "elect")) {
      elected.push(c);
      pending.push(c);
      round.elected.push(c);
    }
    if (elected.length >= seats) break;
    const left = continuing();
    if (left.length <= seats - elected.length) {
      const rest = orderByTotal(left, "elect");
      elected.push(...rest);
      if (rest.length > 0) {
        rounds.push({
          ...round,
          number: number + 1,
          action: { kind: "elect-remaining" },
          elected: rest,
          excluded: [],
        });
      }
      break;
    }

    const withSurplus = pending.filter((c) => totals.get(c)! > quota);
    if (withSurplus.length > 0) {
      const [from] = orderByTotal(withSurplus, "surplus");
      const surplus = totals.get(from!)! - quota;
      transferSurplus(from!, surplus);
      pending.splice(pending.indexOf(from!), 1);
      action = { kind: "surplus", candidate: from!, surplus };
    } else {
      pending.length = 0;
      const out = lowest(left, number);
      excluded.add(out);
      const papers = piles.get(out)!;
      piles.set(out, []);
      totals.set(out, 0);
      for (const p of papers) place({ ...p, at: p.at + 1 });
      action = { kind: "exclude", candidate: out };
    }
  }

  function transferSurplus(from: string, surplus: number) {
    const total = BigInt(totals.get(from)!);
    const papers = piles.get(from)!;
    piles.set(from, []);
    totals.set(from, quota);
    let moved = 0;
    for (const p of papers) {
      // Rule 48: transfer value to five decimals, remainder ignored (BigInt: no overflow).
      const value = Number((BigInt(surplus) * BigInt(p.value)) / total);
      moved += p.count * value;
      if (value > 0) place({ ...p, at: p.at + 1, value });
    }
    lost += surplus - moved;
  }

  /** Orders by total, highest first; equal totals by the tie rule. */
  function orderByTotal(cands: string[], purpose: "elect" | "surplus"): string[] {
    const out: string[] = [];
    let rest = [...cands];
    while (rest.length > 0) {
      const top = Math.max(...rest.map((c) => totals.get(c)!));
      const level = rest.filter((c) => totals.get(c) === top);
      let pick = level[0]!;
      if (level.length > 1) {
        const tie = breakTie(level, history, purpose, history.length, input.seed);
        // Order among candidates who are all elected anyway is not worth recording.
        if (purpose === "surplus") ties.push(tie);
        pick = tie.chosen;
      }
      out.push(pick);
      rest = rest.filter((c) => c !== pick);
    }
    return out;
  }

  function lowest(cands: string[], number: number): string {
    const least = Math.min(...cands.map((c) => totals.get(c)!));
    const level = cands.filter((c) => totals.get(c) === least);
    if (level.length === 1) return level[0]!;
    const tie = breakTie(level, history, "exclude", number, input.seed);
    ties.push(tie);
    return tie.chosen;
  }

  return {
    method: "stv",
    seats,
    scale: STV_SCALE,
    quota: valid > 0 ? quota : null,
    ballots: input.ballots.length,
    blank,
    winners: elected,
    rounds,
    ties,
  };
}
