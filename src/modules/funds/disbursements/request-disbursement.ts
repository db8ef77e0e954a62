import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../../platform/actor";
import { invalid, notFound } from "../../../platform/errors";
import { type Cents, type Currency, cents } from "../../../platform/money";
import { runOperation } from "../../../platform/operation";
import { LIMITS, movementProblems } from "../campaign";
import { lockCampaign } from "../campaigns/campaign-record";
import { disbursements } from "../funds.schema";
import type { DisbursementPurpose } from "./disbursement";
import { type Disbursement, getDisbursement } from "./disbursement-record";

export type DisbursementInput = {
  campaignId: string;
  amountCents: Cents | number;
  currency?: Currency | null;
  payee: string;
  purpose: DisbursementPurpose;
  memo?: string | null;
};

/** Asks for money to be paid out; nothing moves until it is approved and then paid. */
export function requestDisbursement(
  deps: Deps,
  actor: Actor,
  input: DisbursementInput,
): Promise<Disbursement> {
  return runOperation(deps, actor, async (op) => {
    const campaign = await lockCampaign(op.tx, actor.orgId, input.campaignId, "key share");
    if (!campaign) throw notFound();
    const fields = movementProblems(campaign, input.amountCents, input.currency);
    const payee = input.payee.trim();
    if (!payee) fields.payee = "required";
    else if (payee.length > LIMITS.title) fields.payee = "too_long";
    if (Object.keys(fields).length > 0) throw invalid(fields);
    const id = randomUUID();
    await op.tx.insert(disbursements).values({
      id,
      orgId: actor.orgId,
      campaignId: campaign.id,
      amountCents: cents(input.amountCents),
      currency: campaign.currency,
      payee,
      purpose: input.purpose,
      memo: input.memo?.trim() || null,
      requestedBy: actor.userId,
    });
    await op.audit(
      "disbursement.requested",
      { type: "disbursement", id },
      { campaign_id: campaign.id, purpose: input.purpose },
    );
    op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
    const created = await getDisbursement(op.tx, actor.orgId, id);
    if (!created) throw new Error("requested disbursement vanished");
    return created;
  });
}
