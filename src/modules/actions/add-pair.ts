import type { Actor, Deps } from "../../platform/actor";
import { invalid, isUniqueViolation } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { actionPairs } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";
import { PairInputSchema } from "./plan-input";
import "./actions.events";

/** Puts a newcomer beside an organizer of the same organization. One pair per newcomer. */
export async function addPair(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const pair = parseOrThrow(PairInputSchema, input);
  try {
    return await runOperation(deps, actor, async (op) => {
      const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
      await requireOwnPeople(op.tx, actor.orgId, pair);
      const [row] = await op.tx
        .insert(actionPairs)
        .values({ orgId: actor.orgId, eventId: event.id, ...pair })
        .returning({ id: actionPairs.id });
      if (!row) throw new Error("pair insert returned nothing");
      await op.audit("action.pair_added", { type: "action", id: event.id }, { pairId: row.id });
      op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
      return { id: row.id, eventId: event.id, ...pair };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ newcomerPersonId: "invalid" });
    throw error;
  }
}
