import type { Actor, Deps } from "../../platform/actor";
import { addPlanItem } from "./add-plan-item";
import { parseOrThrow } from "./plan-guards";
import { StepInputSchema } from "./plan-input";

/** A timed step of the run of show ("18:00 march to the entrance"), with an owner. */
export async function addRunOfShowStep(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const step = parseOrThrow(StepInputSchema, input);
  return addPlanItem(deps, actor, eventId, {
    kind: "step",
    people: { ownerPersonId: step.ownerPersonId },
    values: step,
    detail: (stepId) => ({ stepId }),
  });
}
