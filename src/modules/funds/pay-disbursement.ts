import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, notFound } from "../../platform/errors";
import { cents } from "../../platform/money";
import { lockCampaign } from "./campaign-record";
import { canTakeStep } from "./disbursement";
import { type Disbursement, getDisbursement } from "./disbursement-record";
import { disbursements } from "./funds.schema";
import { decide } from "./ledger";
import { loadState, refusal, writeGroup } from "./ledger-store";

/**
 * Pays an approved disbursement: a disbursement group (fund -> outside). The campaign row
 * is locked first, so two payments at once are checked one after the other against what
 * is really available; paying more than that is refused (409 insufficient_funds).
 */
export async function payDisbursement(
  deps: Deps,
  actor: Actor,
  id: string,
  options: { paidAt?: Date | null } = {},
): Promise<Disbursement> {
  const found = await getDisbursement(deps.db, actor.orgId, id);
  if (!found) throw notFound();
  await deps.db.transaction(async (tx) => {
    // Lock order everywhere: campaign, then the row the movement is about.
    const campaign = await lockCampaign(tx, actor.orgId, found.campaignId, "update");
    if (!campaign) throw notFound();
    const [row] = await tx
      .select()
      .from(disbursements)
      .where(and(eq(disbursements.orgId, actor.orgId), eq(disbursements.id, id)))
      .for("update");
    if (!row) throw notFound();
    if (!canTakeStep(row.status, "pay")) throw new AppError("wrong_status");
    const state = await loadState(tx, actor.orgId, campaign);
    const outcome = decide(state, {
      op: "record",
      id: randomUUID(),
      movement: { kind: "disbursement", currency: row.currency, amount: cents(row.amountCents) },
    });
    if (outcome.status !== "applied") {
      throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
    }
    const paidAt = options.paidAt ?? new Date();
    await writeGroup(tx, actor, campaign.id, outcome.group, {
      occurredAt: paidAt,
      memo: `${row.payee}${row.memo ? ` — ${row.memo}` : ""}`,
    });
    await tx
      .update(disbursements)
      .set({ status: "paid", paidGroupId: outcome.group.id, paidAt, updatedAt: new Date() })
      .where(eq(disbursements.id, id));
    await audit(
      tx,
      actor,
      "disbursement.paid",
      { type: "disbursement", id },
      {
        campaign_id: campaign.id,
        group_id: outcome.group.id,
      },
    );
  });
  deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: found.campaignId });
  const paid = await getDisbursement(deps.db, actor.orgId, id);
  if (!paid) throw notFound();
  return paid;
}
