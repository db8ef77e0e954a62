import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, notFound, onUniqueViolation } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { lockCampaign } from "../campaigns/campaign-record";
import { bonds, disbursements } from "../funds.schema";
import { decide } from "./ledger";
import { appliedGroup, loadState, writeGroup } from "./ledger-store";

export type ReverseInput = { campaignId: string; groupId: string; memo?: string | null };

/**
 * Corrects a movement by recording its reversal (the same entries negated, linked to it).
 * Nothing is edited or deleted. What the movement was about follows: a reversed payment
 * is cancelled, a reversed bond posting is void, a reversed return or forfeit reopens the bond.
 */
export async function reverseEntry(
  deps: Deps,
  actor: Actor,
  input: ReverseInput,
): Promise<{ reversalGroupId: string }> {
  const reversalGroupId = randomUUID();
  return onUniqueViolation(new AppError("already_reversed"), () =>
    runOperation(deps, actor, async (op) => {
      const { tx } = op;
      const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "update");
      if (!campaign) throw notFound();
      const state = await loadState(tx, actor.orgId, campaign, { groupId: input.groupId });
      const group = appliedGroup(
        decide(state, { op: "reverse", id: reversalGroupId, groupId: input.groupId }),
      );
      await writeGroup(tx, actor, campaign.id, group, { memo: input.memo ?? null });
      const kind = group.movement.kind;
      const now = new Date();
      const mine = <T extends typeof disbursements | typeof bonds>(table: T) =>
        and(eq(table.orgId, actor.orgId), eq(table.campaignId, campaign.id));
      if (kind === "disbursement") {
        await tx
          .update(disbursements)
          .set({ status: "cancelled", updatedAt: now })
          .where(and(mine(disbursements), eq(disbursements.paidGroupId, input.groupId)));
      } else if (kind === "bond_posted") {
        await tx
          .update(bonds)
          .set({ status: "voided", updatedAt: now })
          .where(and(mine(bonds), eq(bonds.postedGroupId, input.groupId)));
      } else if (kind === "bond_returned" || kind === "bond_forfeited") {
        await tx
          .update(bonds)
          .set({
            status: "outstanding",
            settledGroupId: null,
            settledAt: null,
            interestCents: null,
            updatedAt: now,
          })
          .where(and(mine(bonds), eq(bonds.settledGroupId, input.groupId)));
      }
      await op.audit(
        "ledger.reversed",
        { type: "ledger_group", id: input.groupId },
        { campaign_id: campaign.id, kind, reversal_group_id: reversalGroupId },
      );
      op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
      return { reversalGroupId };
    }),
  );
}
