import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, notFound } from "../../platform/errors";
import { canTakeStep } from "./disbursement";
import { type Disbursement, getDisbursement } from "./disbursement-record";
import { disbursements } from "./funds.schema";

/** Turns down a request (or withdraws an approval) before anything is paid. */
export async function rejectDisbursement(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Disbursement> {
  const campaignId = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(disbursements)
      .where(and(eq(disbursements.orgId, actor.orgId), eq(disbursements.id, id)))
      .for("update");
    if (!row) throw notFound();
    if (!canTakeStep(row.status, "reject")) throw new AppError("wrong_status");
    await tx
      .update(disbursements)
      .set({ status: "rejected", decidedBy: actor.userId, updatedAt: new Date() })
      .where(eq(disbursements.id, id));
    await audit(
      tx,
      actor,
      "disbursement.rejected",
      { type: "disbursement", id },
      {
        campaign_id: row.campaignId,
      },
    );
    return row.campaignId;
  });
  deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId });
  const rejected = await getDisbursement(deps.db, actor.orgId, id);
  if (!rejected) throw notFound();
  return rejected;
}
