import type { Actor, Deps } from "../../../platform/actor";
import { AppError, notFound } from "../../../platform/errors";
import { cents } from "../../../platform/money";
import { runOperation } from "../../../platform/operation";
import { lockCampaign } from "../campaigns/campaign-record";
import { loadState, recordedGroup, writeGroup } from "../ledger/ledger-store";
import { canTakeStep } from "./disbursement";
import { type Disbursement, getDisbursement } from "./disbursement-record";
import { finishStep, lockForStep } from "./disbursement-step";

/**
 * Pays an approved disbursement: a disbursement group (fund -> outside). The campaign row
 * is locked first, so two payments at once are checked one after the other against what
 * is really available; paying more than that is refused (409 insufficient_funds).
 */
export function payDisbursement(
  deps: Deps,
  actor: Actor,
  id: string,
  options: { paidAt?: Date | null } = {},
): Promise<Disbursement> {
  return runOperation(deps, actor, async (op) => {
    const { tx } = op;
    // Unlocked read for the campaign id: lock order everywhere is campaign, then the row
    // the movement is about.
    const found = await getDisbursement(tx, actor.orgId, id);
    if (!found) throw notFound();
    const campaign = await lockCampaign(tx, actor.orgId, found.campaignId, "update");
    if (!campaign) throw notFound();
    const row = await lockForStep(op, id);
    if (!canTakeStep(row.status, "pay")) throw new AppError("wrong_status");
    const state = await loadState(tx, actor.orgId, campaign);
    const group = recordedGroup(state, {
      kind: "disbursement",
      currency: row.currency,
      amount: cents(row.amountCents),
    });
    const paidAt = options.paidAt ?? new Date();
    await writeGroup(tx, actor, campaign.id, group, {
      occurredAt: paidAt,
      memo: `${row.payee}${row.memo ? ` — ${row.memo}` : ""}`,
    });
    return finishStep(op, id, {
      set: { status: "paid", paidGroupId: group.id, paidAt },
      action: "disbursement.paid",
      campaignId: campaign.id,
      detail: { group_id: group.id },
    });
  });
}
