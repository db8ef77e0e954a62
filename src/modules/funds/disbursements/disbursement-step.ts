import { eq } from "drizzle-orm";
import { notFound } from "../../../platform/errors";
import type { Operation } from "../../../platform/operation";
import { disbursements } from "../funds.schema";
import { type Disbursement, getDisbursement, lockDisbursement } from "./disbursement-record";

// What approving, rejecting and paying a disbursement share: the request's row locked (or
// 404), and after the step its new status written, audited, the campaign's pages told, and
// the request read back.

/** The request's row, locked for this step, or a 404. */
export async function lockForStep(op: Operation, id: string) {
  const row = await lockDisbursement(op.tx, op.actor.orgId, id);
  if (!row) throw notFound();
  return row;
}

/** Writes the step (`set`, with `updatedAt`), its audit row and event; the request after it. */
export async function finishStep(
  op: Operation,
  id: string,
  step: {
    set: Partial<typeof disbursements.$inferInsert>;
    action: string;
    campaignId: string;
    detail?: Record<string, unknown>;
  },
): Promise<Disbursement> {
  const { orgId } = op.actor;
  await op.tx
    .update(disbursements)
    .set({ ...step.set, updatedAt: step.set.updatedAt ?? new Date() })
    .where(eq(disbursements.id, id));
  await op.audit(
    step.action,
    { type: "disbursement", id },
    { campaign_id: step.campaignId, ...step.detail },
  );
  op.emit("funds.campaign_changed", { orgId, campaignId: step.campaignId });
  const after = await getDisbursement(op.tx, orgId, id);
  if (!after) throw notFound();
  return after;
}
