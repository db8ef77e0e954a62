import type { Actor, Deps } from "../../../platform/actor";
import { AppError } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { canTakeStep } from "./disbursement";
import type { Disbursement } from "./disbursement-record";
import { finishStep, lockForStep } from "./disbursement-step";

/** Turns down a request (or withdraws an approval) before anything is paid. */
export function rejectDisbursement(deps: Deps, actor: Actor, id: string): Promise<Disbursement> {
  return runOperation(deps, actor, async (op) => {
    const row = await lockForStep(op, id);
    if (!canTakeStep(row.status, "reject")) throw new AppError("wrong_status");
    return finishStep(op, id, {
      set: { status: "rejected", decidedBy: actor.userId },
      action: "disbursement.rejected",
      campaignId: row.campaignId,
    });
  });
}
