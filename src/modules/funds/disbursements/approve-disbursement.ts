import type { Actor, Deps } from "../../../platform/actor";
import { AppError } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { approvalProblem } from "./disbursement";
import type { Disbursement } from "./disbursement-record";
import { finishStep, lockForStep } from "./disbursement-step";
import { getApprovalThreshold } from "./funds-settings";

/**
 * Approves a requested payment. Above the organization's threshold the approver must be
 * a different person from the requester (403 self_approval).
 */
export function approveDisbursement(deps: Deps, actor: Actor, id: string): Promise<Disbursement> {
  return runOperation(deps, actor, async (op) => {
    const threshold = await getApprovalThreshold(op.tx, actor.orgId);
    const row = await lockForStep(op, id);
    const problem = approvalProblem(row, actor.userId, threshold);
    if (problem) throw new AppError(problem);
    const now = new Date();
    return finishStep(op, id, {
      set: { status: "approved", approvedBy: actor.userId, approvedAt: now, updatedAt: now },
      action: "disbursement.approved",
      campaignId: row.campaignId,
    });
  });
}
