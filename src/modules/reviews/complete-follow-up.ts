import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { getFollowUp } from "./review-record";
import { followUps } from "./reviews.schema";

/** Marks a follow-up done (or not done again). Doing it twice changes nothing. */
export async function completeFollowUp(
  deps: Deps,
  actor: Actor,
  id: string,
  done = true,
): Promise<void> {
  const item = await getFollowUp(deps.db, actor.orgId, id);
  if (!item) throw notFound();
  if (item.done === done) return;
  await runOperation(deps, actor, async (op) => {
    await op.tx
      .update(followUps)
      .set({ doneAt: done ? new Date() : null })
      .where(ownRow(followUps, actor.orgId, id));
    await op.audit(done ? "follow_up.done" : "follow_up.reopened", { type: "follow_up", id });
    op.emit("reviews.follow_ups_changed", { orgId: actor.orgId, ownerUserId: item.ownerUserId });
  });
}
