import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { advocacyTargets } from "./advocacy.schema";
import { lockCallCampaign, oneTarget, targetWritten } from "./lock-call-campaign";

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
      .where(oneTarget(actor.orgId, campaignId, targetId))
      .returning({ id: advocacyTargets.id });
    await targetWritten(
      op,
      campaignId,
      campaign.caseId,
      targetId,
      removed,
      "advocacy_target.removed",
    );
  });
}
