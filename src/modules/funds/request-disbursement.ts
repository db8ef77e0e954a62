import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { type FieldErrors, invalid, notFound } from "../../platform/errors";
import { type Cents, type Currency, cents } from "../../platform/money";
import { amountProblem, LIMITS } from "./campaign";
import { lockCampaign } from "./campaign-record";
import { type Disbursement, getDisbursement } from "./disbursement-record";
import { type DisbursementPurpose, disbursements } from "./funds.schema";

export type DisbursementInput = {
  campaignId: string;
  amountCents: Cents | number;
  currency?: Currency | null;
  payee: string;
  purpose: DisbursementPurpose;
  memo?: string | null;
};

/** Asks for money to be paid out; nothing moves until it is approved and then paid. */
export async function requestDisbursement(
  deps: Deps,
  actor: Actor,
  input: DisbursementInput,
): Promise<Disbursement> {
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "key share");
    if (!campaign) throw notFound();
    const fields: FieldErrors = {};
    const problem = amountProblem(input.amountCents, campaign.currency);
    if (problem) fields.amount = problem;
    if ((input.currency ?? campaign.currency) !== campaign.currency) {
      fields.currency = "currency_mismatch";
    }
    const payee = input.payee.trim();
    if (!payee) fields.payee = "required";
    else if (payee.length > LIMITS.title) fields.payee = "too_long";
    if (Object.keys(fields).length > 0) throw invalid(fields);
    await tx.insert(disbursements).values({
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
    await audit(
      tx,
      actor,
      "disbursement.requested",
      { type: "disbursement", id },
      {
        campaign_id: campaign.id,
        purpose: input.purpose,
      },
    );
  });
  deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: input.campaignId });
  const created = await getDisbursement(deps.db, actor.orgId, id);
  if (!created) throw new Error("requested disbursement vanished");
  return created;
}
