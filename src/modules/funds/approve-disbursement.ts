import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, notFound } from "../../platform/errors";
import { approvalProblem } from "./disbursement";
import { type Disbursement, getDisbursement } from "./disbursement-record";
import { disbursements } from "./funds.schema";
import { getApprovalThreshold } from "./funds-settings";

/**
 * Approves a requested payment. Above the organization's threshold the approver must be
 * a different person from the requester (403 self_approval).
 */
export async function approveDisbursement(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Disbursement> {
  const threshold = await getApprovalThreshold(deps.db, actor.orgId);
  const campaignId = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(disbursements)
      .where(and(eq(disbursements.orgId, actor.orgId), eq(disbursements.id, id)))
      .for("update");
    if (!row) throw notFound();
    const problem = approvalProblem(row, actor.userId, threshold);
    if (problem) throw new AppError(problem);
    const now = new Date();
    await tx
      .update(disbursements)
      .set({ status: "approved", approvedBy: actor.userId, approvedAt: now, updatedAt: now })
      .where(eq(disbursements.id, id));
    await audit(
      tx,
      actor,
      "disbursement.approved",
      { type: "disbursement", id },
      {
        campaign_id: row.campaignId,
      },
    );
    return row.campaignId;
  });
  deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId });
  const approved = await getDisbursement(deps.db, actor.orgId, id);
  if (!approved) throw notFound();
  return approved;
}
