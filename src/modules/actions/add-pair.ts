import type { Actor, Deps } from "../../platform/actor";
import { invalid, onUniqueViolation } from "../../platform/errors";
import { addPlanItem } from "./add-plan-item";
import { parseOrThrow } from "./plan-guards";
import { PairInputSchema } from "./plan-input";

/** Puts a newcomer beside an organizer of the same organization. One pair per newcomer. */
export async function addPair(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const pair = parseOrThrow(PairInputSchema, input);
  return onUniqueViolation(invalid({ newcomerPersonId: "invalid" }), () =>
    addPlanItem(deps, actor, eventId, {
      kind: "pair",
      people: pair,
      values: pair,
      detail: (pairId) => ({ pairId }),
    }),
  );
}
