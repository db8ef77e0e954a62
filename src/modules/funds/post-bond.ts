import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, type FieldErrors, invalid, notFound } from "../../platform/errors";
import { type Cents, type Currency, cents } from "../../platform/money";
import { type BondRecord, getBond } from "./bond-record";
import { amountProblem } from "./campaign";
import { lockCampaign } from "./campaign-record";
import { bonds } from "./funds.schema";
import { decide } from "./ledger";
import { loadState, refusal, writeGroup } from "./ledger-store";

export type PostBondInput = {
  campaignId: string;
  amountCents: Cents | number;
  currency?: Currency | null;
  postedAt?: Date | null;
  memo?: string | null;
};

/** Posts a bond: money leaves the fund and is owed back (fund -> bonds receivable). */
export async function postBond(
  deps: Deps,
  actor: Actor,
  input: PostBondInput,
): Promise<BondRecord> {
  const bondId = randomUUID();
  await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "update");
    if (!campaign) throw notFound();
    const fields: FieldErrors = {};
    const problem = amountProblem(input.amountCents, campaign.currency);
    if (problem) fields.amount = problem;
    if ((input.currency ?? campaign.currency) !== campaign.currency) {
      fields.currency = "currency_mismatch";
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);
    const state = await loadState(tx, actor.orgId, campaign);
    const outcome = decide(state, {
      op: "record",
      id: randomUUID(),
      movement: {
        kind: "bond_posted",
        currency: campaign.currency,
        bondId,
        amount: cents(input.amountCents),
      },
    });
    if (outcome.status !== "applied") {
      throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
    }
    const postedAt = input.postedAt ?? new Date();
    const memo = input.memo?.trim() || null;
    await writeGroup(tx, actor, campaign.id, outcome.group, { occurredAt: postedAt, memo });
    await tx.insert(bonds).values({
      id: bondId,
      orgId: actor.orgId,
      campaignId: campaign.id,
      principalCents: cents(input.amountCents),
      currency: campaign.currency,
      postedGroupId: outcome.group.id,
      postedAt,
      memo,
      createdBy: actor.userId,
    });
    await audit(
      tx,
      actor,
      "bond.posted",
      { type: "bond", id: bondId },
      {
        campaign_id: campaign.id,
      },
    );
  });
  deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: input.campaignId });
  const bond = await getBond(deps.db, actor.orgId, bondId);
  if (!bond) throw new Error("posted bond vanished");
  return bond;
}
