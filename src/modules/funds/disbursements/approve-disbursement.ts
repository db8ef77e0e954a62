import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, notFound } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { disbursements } from "../funds.schema";
import { approvalProblem } from "./disbursement";
import { type Disbursement, getDisbursement, lockDisbursement } from "./disbursement-record";
import { getApprovalThreshold } from "./funds-settings";

/**
 * Approves a requested payment. Above the organization's threshold the approver must be
 * a different person from the requester (403 self_approval).
 */
export function approveDisbursement(deps: Deps, actor: Actor, id: string): Promise<Disbursement> {
  return runOperation(deps, actor, async (op) => {
    const threshold = await getApprovalThreshold(op.tx, actor.orgId);
    const row = await lockDisbursement(op.tx, actor.orgId, id);
    if (!row) throw notFound();
    const problem = approvalProblem(row, actor.userId, threshold);
    if (problem) throw new AppError(problem);
    const now = new Date();
    await op.tx
      .update(disbursements)
      .set({ status: "approved", approvedBy: actor.userId, approvedAt: now, updatedAt: now })
      .where(eq(disbursements.id, id));
    await op.audit(
      "disbursement.approved",
      { type: "disbursement", id },
      { campaign_id: row.campaignId },
    );
    op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: row.campaignId });
    const approved = await getDisbursement(op.tx, actor.orgId, id);
    if (!approved) throw notFound();
    return approved;
  });
}
