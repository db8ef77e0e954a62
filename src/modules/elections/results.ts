import { type CsvValue, toCsv } from "../../platform/csv";
import type { BallotChoices } from "./elections.schema";
import { type ContestResult, type Method, tally } from "./tally/tally";

// The published results, computed once at the close from the stored ballots (pure) and
// kept on the election row, so they never change afterwards. Shapes are the API's.
export type Bilingual = { es: string; en: string };
export type OfficeSpec = {
  id: string;
  name: Bilingual;
  seats: number;
  method: Method;
  candidates: { personId: string; name: string }[];
};

export type PublishedRound = {
  number: number;
  action: { kind: string; candidate?: string; surplus?: number };
  totals: Record<string, number>;
  exhausted: number;
  lost_to_rounding: number;
  elected: string[];
  excluded: string[];
};

export type PublishedOffice = {
  office_id: string;
  name: Bilingual;
  method: Method;
  seats: number;
  quota: number | null;
  blank: number;
  candidates: { person_id: string; name: string }[];
  winners: { person_id: string; name: string }[];
  rounds: PublishedRound[];
  ties: ContestResult["ties"];
};

export type PublishedResults = {
  seed: string;
  turnout: { roll_size: number; ballots: number; online: number; paper: number };
  offices: PublishedOffice[];
  /** Every receipt, sorted, so each voter can find their own and nobody can infer order. */
  receipts: string[];
  /** Only with the ballot tracker: each anonymized ballot beside its receipt. */
  tracker: { receipt: string; choices: BallotChoices }[] | null;
};

export type StoredBallot = { receipt: string; choices: BallotChoices };

export function computeResults(args: {
  offices: readonly OfficeSpec[];
  ballots: readonly StoredBallot[];
  rollSize: number;
  voted: { online: number; paper: number };
  seed: string;
  tracker: boolean;
}): PublishedResults {
  const offices = args.offices.map((office): PublishedOffice => {
    const result = tally({
      method: office.method,
      seats: office.seats,
      candidates: office.candidates.map((c) => c.personId),
      ballots: args.ballots.map((b) => b.choices[office.id] ?? []),
      seed: `${args.seed}:${office.id}`,
    });
    const votes = (units: number) => units / result.scale;
    const names = new Map(office.candidates.map((c) => [c.personId, c.name]));
    return {
      office_id: office.id,
      name: office.name,
      method: office.method,
      seats: office.seats,
      quota: result.quota === null ? null : votes(result.quota),
      blank: result.blank,
      candidates: office.candidates.map((c) => ({ person_id: c.personId, name: c.name })),
      winners: result.winners.map((id) => ({ person_id: id, name: names.get(id) ?? "" })),
      rounds: result.rounds.map((r) => ({
        number: r.number,
        action:
          r.action.kind === "surplus"
            ? { ...r.action, surplus: votes(r.action.surplus) }
            : { ...r.action },
        totals: Object.fromEntries(Object.entries(r.totals).map(([k, v]) => [k, votes(v)])),
        exhausted: votes(r.exhausted),
        lost_to_rounding: votes(r.lostToRounding),
        elected: r.elected,
        excluded: r.excluded,
      })),
      ties: result.ties,
    };
  });
  const receipts = args.ballots.map((b) => b.receipt).sort();
  return {
    seed: args.seed,
    turnout: {
      roll_size: args.rollSize,
      ballots: args.ballots.length,
      online: args.voted.online,
      paper: args.voted.paper,
    },
    offices,
    receipts,
    tracker: args.tracker
      ? [...args.ballots]
          .sort((a, b) => (a.receipt < b.receipt ? -1 : 1))
          .map((b) => ({ receipt: b.receipt, choices: b.choices }))
      : null,
  };
}

/**
 * Every ballot, anonymized, for anyone to recount: one line per ballot and office, the
 * choices in the voter's order by name. Ballots are numbered in receipt order, which says
 * nothing about when they were cast; the receipt itself is printed only with the tracker.
 */
export function ballotsCsv(
  offices: readonly OfficeSpec[],
  ballots: readonly StoredBallot[],
  lang: "es" | "en",
  tracker: boolean,
): string {
  const width = Math.max(1, ...offices.map((o) => o.candidates.length));
  const header = [
    "ballot",
    ...(tracker ? ["receipt"] : []),
    "office_id",
    "office",
    ...Array.from({ length: width }, (_, i) => `choice_${i + 1}`),
  ];
  const sorted = [...ballots].sort((a, b) => (a.receipt < b.receipt ? -1 : 1));
  const rows: CsvValue[][] = [header];
  sorted.forEach((ballot, i) => {
    for (const office of offices) {
      const names = new Map(office.candidates.map((c) => [c.personId, c.name]));
      const choices = (ballot.choices[office.id] ?? []).map((id) => names.get(id) ?? id);
      const row = [
        i + 1,
        ...(tracker ? [ballot.receipt] : []),
        office.id,
        office.name[lang],
        ...choices,
        ...Array.from({ length: width - choices.length }, () => ""),
      ];
      rows.push(row);
    }
  });
  return toCsv(rows);
}
