import { randomUUID } from "node:crypto";
import { notFound } from "../../../platform/errors";
import type { Operation } from "../../../platform/operation";
import { lockCampaign } from "../campaigns/campaign-record";
import { decide } from "../ledger/ledger";
import { appliedGroup, loadState, writeGroup } from "../ledger/ledger-store";

/**
 * Inside an operation: the gift's ledger group reversed (refunded, or taken back by a card
 * dispute), nothing edited. Returns null when it was reversed already (by hand, or by an
 * earlier event), so callers decide whether that is an error or a replay.
 */
export async function reverseGiftGroup(
  op: Operation,
  gift: { id: string; campaignId: string; groupId: string },
  why: { action: string; memo: string | null; detail?: Record<string, unknown> },
): Promise<{ reversalGroupId: string } | null> {
  const campaign = await lockCampaign(op.tx, op.actor.orgId, gift.campaignId, "update");
  if (!campaign) throw notFound();
  const state = await loadState(op.tx, op.actor.orgId, campaign, { groupId: gift.groupId });
  if (state.reversedBy.has(gift.groupId)) return null;
  const reversalGroupId = randomUUID();
  const group = appliedGroup(
    decide(state, { op: "reverse", id: reversalGroupId, groupId: gift.groupId }),
  );
  await writeGroup(op.tx, op.actor, campaign.id, group, { memo: why.memo });
  await op.audit(
    why.action,
    { type: "gift", id: gift.id },
    { campaign_id: campaign.id, reversal_group_id: reversalGroupId, ...why.detail },
  );
  op.emit("funds.campaign_changed", { orgId: op.actor.orgId, campaignId: campaign.id });
  return { reversalGroupId };
}
