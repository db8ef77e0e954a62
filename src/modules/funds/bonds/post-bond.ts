import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../../platform/actor";
import { invalid, notFound } from "../../../platform/errors";
import { type Cents, type Currency, cents } from "../../../platform/money";
import { runOperation } from "../../../platform/operation";
import { movementProblems } from "../campaign";
import { lockCampaign } from "../campaigns/campaign-record";
import { bonds } from "../funds.schema";
import { loadState, recordedGroup, writeGroup } from "../ledger/ledger-store";
import { type BondRecord, getBond } from "./bond-record";

export type PostBondInput = {
  campaignId: string;
  amountCents: Cents | number;
  currency?: Currency | null;
  postedAt?: Date | null;
  memo?: string | null;
};

/** Posts a bond: money leaves the fund and is owed back (fund -> bonds receivable). */
export function postBond(deps: Deps, actor: Actor, input: PostBondInput): Promise<BondRecord> {
  return runOperation(deps, actor, async (op) => {
    const { tx } = op;
    const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "update");
    if (!campaign) throw notFound();
    const fields = movementProblems(campaign, input.amountCents, input.currency);
    if (Object.keys(fields).length > 0) throw invalid(fields);
    const bondId = randomUUID();
    const state = await loadState(tx, actor.orgId, campaign);
    const group = recordedGroup(state, {
      kind: "bond_posted",
      currency: campaign.currency,
      bondId,
      amount: cents(input.amountCents),
    });
    const postedAt = input.postedAt ?? new Date();
    const memo = input.memo?.trim() || null;
    await writeGroup(tx, actor, campaign.id, group, { occurredAt: postedAt, memo });
    await tx.insert(bonds).values({
      id: bondId,
      orgId: actor.orgId,
      campaignId: campaign.id,
      principalCents: cents(input.amountCents),
      currency: campaign.currency,
      postedGroupId: group.id,
      postedAt,
      memo,
      createdBy: actor.userId,
    });
    await op.audit("bond.posted", { type: "bond", id: bondId }, { campaign_id: campaign.id });
    op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
    const bond = await getBond(tx, actor.orgId, bondId);
    if (!bond) throw new Error("posted bond vanished");
    return bond;
  });
}
