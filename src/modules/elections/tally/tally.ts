import { countInstantRunoff } from "./irv";
import { countMarks } from "./plurality";
import { countStv } from "./stv";
import type { ContestInput, ContestResult } from "./types";

export type { TieBreak } from "./ties";
export type { ContestInput, ContestResult, Method, Round, RoundAction } from "./types";
export { METHODS } from "./types";

/** Counts one office. Pure: the same ballots and seed always give the same result. */
export function tally(input: ContestInput): ContestResult {
  switch (input.method) {
    case "plurality":
    case "approval":
      return countMarks(input);
    case "irv":
      return countInstantRunoff(input);
    case "stv":
      return countStv(input);
  }
}
