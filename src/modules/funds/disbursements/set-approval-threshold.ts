import type { Actor, Deps } from "../../../platform/actor";
import { invalid } from "../../../platform/errors";
import { type Cents, cents, maxCents } from "../../../platform/money";
import { runOperation } from "../../../platform/operation";
import { fundsSettings } from "../funds.schema";

/** Sets the threshold; 0 means every payment needs a second person. */
export async function setApprovalThreshold(
  deps: Deps,
  actor: Actor,
  thresholdCents: number,
): Promise<Cents> {
  if (!Number.isSafeInteger(thresholdCents) || thresholdCents < 0) {
    throw invalid({ threshold: "amount_not_a_number" });
  }
  if (thresholdCents > maxCents("USD")) throw invalid({ threshold: "amount_too_large" });
  await runOperation(deps, actor, async (op) => {
    await op.tx
      .insert(fundsSettings)
      .values({ orgId: actor.orgId, approvalThresholdCents: thresholdCents })
      .onConflictDoUpdate({
        target: fundsSettings.orgId,
        set: { approvalThresholdCents: thresholdCents, updatedAt: new Date() },
      });
    await op.audit(
      "funds.threshold_set",
      { type: "funds_settings" },
      { approval_threshold_cents: thresholdCents },
    );
  });
  return cents(thresholdCents);
}
