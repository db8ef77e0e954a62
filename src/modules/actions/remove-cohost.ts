import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { actionCohosts } from "./actions.schema";
import { requireHostedEvent } from "./event-record";
import { requireTouched } from "./plan-guards";
import "./actions.events";

/** The host removes a co-host. The co-host's rows stay on the plan but it no longer sees it. */
export async function removeCohost(deps: Deps, actor: Actor, eventId: string, cohostId: string) {
  if (!isUuid(cohostId)) throw notFound();
  await runOperation(deps, actor, async (op) => {
    const event = await requireHostedEvent(op.tx, actor.orgId, eventId);
    const deleted = await op.tx
      .delete(actionCohosts)
      .where(
        and(
          eq(actionCohosts.orgId, actor.orgId),
          eq(actionCohosts.eventId, event.id),
          eq(actionCohosts.id, cohostId.toLowerCase()),
        ),
      )
      .returning({ id: actionCohosts.id });
    requireTouched(deleted);
    await op.audit("action.cohost_removed", { type: "action", id: event.id }, { cohostId });
    op.emit("actions.changed", { orgId: actor.orgId, eventId: event.id });
  });
}
