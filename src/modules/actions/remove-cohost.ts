import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { actionCohosts } from "./actions.schema";
import { requireHostedEvent } from "./event-record";
import { deleteOwnEventRow } from "./plan-guards";
import "./actions.events";

/** The host removes a co-host. The co-host's rows stay on the plan but it no longer sees it. */
export async function removeCohost(deps: Deps, actor: Actor, eventId: string, cohostId: string) {
  if (!isUuid(cohostId)) throw notFound();
  await runOperation(deps, actor, async (op) => {
    const event = await requireHostedEvent(op.tx, actor.orgId, eventId);
    await deleteOwnEventRow(op.tx, actionCohosts, {
      orgId: actor.orgId,
      eventId: event.id,
      id: cohostId,
    });
    await op.audit("action.cohost_removed", { type: "action", id: event.id }, { cohostId });
    op.emit("actions.changed", { orgId: actor.orgId, eventId: event.id });
  });
}
