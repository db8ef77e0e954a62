import type { Actor, Deps } from "../../platform/actor";
import { invalid, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import type { FollowUpFields } from "./review";
import { getReviewForEvent, teamMembers } from "./review-record";
import { followUps } from "./reviews.schema";

declare module "../../platform/events" {
  interface AppEvents {
    "reviews.follow_ups_changed": { orgId: string; ownerUserId: string };
  }
}

/** A follow-up of a review: shows on its owner's home page until marked done. */
export async function addFollowUp(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: FollowUpFields,
): Promise<{ id: string }> {
  const review = await getReviewForEvent(deps.db, actor.orgId, eventId);
  if (!review) throw notFound();
  const team = await teamMembers(deps.db, actor.orgId);
  if (!team.some((m) => m.userId === input.ownerUserId))
    throw invalid({ ownerUserId: "not_a_member" });
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .insert(followUps)
      .values({
        orgId: actor.orgId,
        reviewId: review.id,
        text: input.text,
        ownerUserId: input.ownerUserId,
        dueOn: input.dueOn,
      })
      .returning({ id: followUps.id });
    if (!row) throw new Error("follow-up insert returned nothing");
    await op.audit("follow_up.created", { type: "follow_up", id: row.id }, { eventId });
    op.emit("reviews.follow_ups_changed", { orgId: actor.orgId, ownerUserId: input.ownerUserId });
    return row;
  });
}
