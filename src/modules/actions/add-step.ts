import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { actionSteps } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";
import { StepInputSchema } from "./plan-input";
import "./actions.events";

/** A timed step of the run of show ("18:00 march to the entrance"), with an owner. */
export async function addRunOfShowStep(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const step = parseOrThrow(StepInputSchema, input);
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await requireOwnPeople(op.tx, actor.orgId, { ownerPersonId: step.ownerPersonId });
    const [row] = await op.tx
      .insert(actionSteps)
      .values({ orgId: actor.orgId, eventId: event.id, ...step })
      .returning({ id: actionSteps.id });
    if (!row) throw new Error("step insert returned nothing");
    await op.audit("action.step_added", { type: "action", id: event.id }, { stepId: row.id });
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
    return { id: row.id, eventId: event.id, ...step };
  });
}
