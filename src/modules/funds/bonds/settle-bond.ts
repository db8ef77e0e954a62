import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, invalid, notFound } from "../../../platform/errors";
import { type Cents, maxCents } from "../../../platform/money";
import { runOperation } from "../../../platform/operation";
import { lockCampaign } from "../campaigns/campaign-record";
import { fundsErrors } from "../funds.errors";
import { bonds } from "../funds.schema";
import type { Movement } from "../ledger/ledger";
import { loadState, recordedGroup, writeGroup } from "../ledger/ledger-store";
import { type BondRecord, getBond, lockBond } from "./bond-record";

// Shared by return-bond and forfeit-bond: a bond settles once, whole.
export function settleBond(
  deps: Deps,
  actor: Actor,
  id: string,
  how: { kind: "bond_returned"; interest: Cents } | { kind: "bond_forfeited" },
  options: { settledAt?: Date | null; memo?: string | null },
): Promise<BondRecord> {
  return runOperation(deps, actor, async (op) => {
    const { tx } = op;
    // Unlocked read for the campaign id: the campaign is locked first, then the bond.
    const found = await getBond(tx, actor.orgId, id);
    if (!found) throw notFound();
    const campaign = await lockCampaign(tx, actor.orgId, found.campaignId, "update");
    if (!campaign) throw notFound();
    const bond = await lockBond(tx, actor.orgId, id);
    if (!bond) throw notFound();
    if (bond.status !== "outstanding") throw new AppError("bond_settled");
    if (how.kind === "bond_returned" && how.interest > maxCents(bond.currency)) {
      throw invalid({ interest: "amount_too_large" });
    }
    // A bond earns little: interest above the principal is a typing mistake, not money.
    if (how.kind === "bond_returned" && how.interest > bond.principalCents) {
      throw invalid({ interest: fundsErrors.field.interest_above_principal });
    }
    const movement: Movement =
      how.kind === "bond_returned"
        ? {
            kind: "bond_returned",
            currency: bond.currency,
            bondId: bond.id,
            principal: bond.principalCents,
            interest: how.interest,
          }
        : {
            kind: "bond_forfeited",
            currency: bond.currency,
            bondId: bond.id,
            principal: bond.principalCents,
          };
    const state = await loadState(tx, actor.orgId, campaign);
    const group = recordedGroup(state, movement);
    const settledAt = options.settledAt ?? new Date();
    await writeGroup(tx, actor, campaign.id, group, {
      occurredAt: settledAt,
      memo: options.memo?.trim() || null,
    });
    await tx
      .update(bonds)
      .set({
        status: how.kind === "bond_returned" ? "returned" : "forfeited",
        settledGroupId: group.id,
        settledAt,
        interestCents: how.kind === "bond_returned" ? how.interest : null,
        updatedAt: new Date(),
      })
      .where(eq(bonds.id, id));
    const action = how.kind === "bond_returned" ? "bond.returned" : "bond.forfeited";
    await op.audit(action, { type: "bond", id }, { campaign_id: campaign.id });
    op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
    const settled = await getBond(tx, actor.orgId, id);
    if (!settled) throw notFound();
    return settled;
  });
}
