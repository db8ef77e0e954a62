import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { advocacyTargets } from "./advocacy.schema";
import { lockCallCampaign } from "./lock-call-campaign";

export async function removeTarget(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  targetId: string,
): Promise<void> {
  if (!isUuid(targetId)) throw notFound();
  await runOperation(deps, actor, async (op) => {
    const campaign = await lockCallCampaign(op.tx, actor.orgId, campaignId);
    const removed = await op.tx
      .delete(advocacyTargets)
      .where(
        and(
          eq(advocacyTargets.orgId, actor.orgId),
          eq(advocacyTargets.callCampaignId, campaignId),
          eq(advocacyTargets.id, targetId),
        ),
      )
      .returning({ id: advocacyTargets.id });
    if (removed.length === 0) throw notFound();
    await op.audit(
      "advocacy_target.removed",
      { type: "advocacy_target", id: targetId },
      { call_campaign_id: campaignId },
    );
    op.emit("advocacy.changed", { orgId: actor.orgId, caseId: campaign.caseId });
  });
}
