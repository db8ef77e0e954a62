import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { advocacyTargets } from "./advocacy.schema";

import { lockCallCampaign } from "./lock-call-campaign";

export async function removeTarget(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  targetId: string,
): Promise<void> {
  if (!isUuid(targetId)) throw notFound();
  const caseId = await deps.db.transaction(async (tx) => {
    const campaign = await lockCallCampaign(tx, actor.orgId, campaignId);
    const removed = await tx
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
    await audit(
      tx,
      actor,
      "advocacy_target.removed",
      { type: "advocacy_target", id: targetId },
      { call_campaign_id: campaignId },
    );
    return campaign.caseId;
  });
  deps.bus.emit("advocacy.changed", { orgId: actor.orgId, caseId });
}
