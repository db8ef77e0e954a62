import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { actionCohosts } from "./actions.schema";
import "./actions.events";

/**
 * An organizer of the invited organization accepts (its organizers then see the plan and
 * plan with their own people) or declines (it sees nothing, as before). Only an invitation
 * still open and addressed to the actor's organization can be answered; anything else is a
 * 404, the same as an id that does not exist.
 */
export async function respondCohostInvitation(
  deps: Deps,
  actor: Actor,
  invitationId: string,
  answer: "accepted" | "declined",
) {
  if (!isUuid(invitationId)) throw notFound();
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .update(actionCohosts)
      .set({ status: answer, respondedAt: new Date(), respondedBy: actor.userId })
      .where(
        and(
          eq(actionCohosts.id, invitationId.toLowerCase()),
          eq(actionCohosts.cohostOrgId, actor.orgId),
          eq(actionCohosts.status, "invited"),
        ),
      )
      .returning({
        id: actionCohosts.id,
        eventId: actionCohosts.eventId,
        hostOrgId: actionCohosts.orgId,
      });
    if (!row) throw notFound();
    await op.audit(
      `action.cohost_${answer}`,
      { type: "action", id: row.eventId },
      { invitationId: row.id },
    );
    op.emit("actions.changed", { orgId: row.hostOrgId, eventId: row.eventId });
    return { id: row.id, eventId: row.eventId, status: answer };
  });
}
