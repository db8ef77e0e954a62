import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, notFound } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { disbursements } from "../funds.schema";
import { canTakeStep } from "./disbursement";
import { type Disbursement, getDisbursement, lockDisbursement } from "./disbursement-record";

/** Turns down a request (or withdraws an approval) before anything is paid. */
export function rejectDisbursement(deps: Deps, actor: Actor, id: string): Promise<Disbursement> {
  return runOperation(deps, actor, async (op) => {
    const row = await lockDisbursement(op.tx, actor.orgId, id);
    if (!row) throw notFound();
    if (!canTakeStep(row.status, "reject")) throw new AppError("wrong_status");
    await op.tx
      .update(disbursements)
      .set({ status: "rejected", decidedBy: actor.userId, updatedAt: new Date() })
      .where(eq(disbursements.id, id));
    await op.audit(
      "disbursement.rejected",
      { type: "disbursement", id },
      { campaign_id: row.campaignId },
    );
    op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: row.campaignId });
    const rejected = await getDisbursement(op.tx, actor.orgId, id);
    if (!rejected) throw notFound();
    return rejected;
  });
}
