import type { TieBreak } from "./ties";

export type Method = "plurality" | "approval" | "irv" | "stv";
export const METHODS: readonly Method[] = ["plurality", "approval", "irv", "stv"];

/** One office's count. A ballot is the list of candidate ids the voter marked, in order. */
export type ContestInput = {
  method: Method;
  seats: number;
  candidates: readonly string[];
  ballots: readonly (readonly string[])[];
  /** Published with the results; seeds the draw when a tie survives every round. */
  seed: string;
};

export type RoundAction =
  | { kind: "count" }
  | { kind: "surplus"; candidate: string; surplus: number }
  | { kind: "exclude"; candidate: string }
  | { kind: "elect-remaining" };

export type Round = {
  number: number;
  action: RoundAction;
  /** Votes per candidate after this round, in units of 1/scale of a vote. */
  totals: Record<string, number>;
  /** Ballots (or STV value) with no further preference for a continuing candidate. */
  exhausted: number;
  /** STV only: value lost by truncating transfer values to five decimals. */
  lostToRounding: number;
  elected: string[];
  excluded: string[];
};

export type ContestResult = {
  method: Method;
  seats: number;
  /** 1 for whole votes; 100000 for STV (values kept to five decimal places). */
  scale: number;
  /** STV: the Droop quota in units; IRV: the majority needed in the last round. */
  quota: number | null;
  ballots: number;
  blank: number;
  winners: string[];
  rounds: Round[];
  ties: TieBreak[];
};
