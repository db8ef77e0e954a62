import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { changedNames } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { requireLinkedCase } from "../defense/case-lookup";
import { callCampaigns } from "./advocacy.schema";
import type { CallCampaign, CallCampaignFields } from "./call-campaign";
import { callCampaignFromRow, campaignColumns, getCallCampaign } from "./call-campaign-record";

/** Replaces a campaign's fields (open/closed and public included); the audit names what changed. */
export async function updateCallCampaign(
  deps: Deps,
  actor: Actor,
  id: string,
  input: CallCampaignFields,
): Promise<CallCampaign> {
  await requireLinkedCase(deps.db, actor.orgId, input.caseId);
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .select()
      .from(callCampaigns)
      .where(ownRow(callCampaigns, actor.orgId, id))
      .for("update");
    if (!row) throw notFound();
    const current = callCampaignFromRow(row);
    await op.tx
      .update(callCampaigns)
      .set({
        ...campaignColumns(input),
        updatedAt: new Date(),
      })
      .where(ownRow(callCampaigns, actor.orgId, id));
    await op.audit(
      "call_campaign.updated",
      { type: "call_campaign", id },
      { fields: changedFields(current, input) },
    );
    // Both cases' public pages change when the campaign moves from one to the other.
    op.emit("advocacy.changed", { orgId: actor.orgId, caseId: input.caseId });
    if (current.caseId !== input.caseId) {
      op.emit("advocacy.changed", { orgId: actor.orgId, caseId: current.caseId });
    }
    const campaign = await getCallCampaign(op.tx, actor.orgId, id);
    if (!campaign) throw notFound();
    return campaign;
  });
}

function changedFields(current: CallCampaign, next: CallCampaignFields): string[] {
  return changedNames([
    ["case_id", current.caseId, next.caseId],
    ["kind", current.kind, next.kind],
    ["title", current.title, { es: next.titleEs, en: next.titleEn }],
    ["ask", current.ask, { es: next.askEs, en: next.askEn }],
    ["script", current.script, { es: next.scriptEs, en: next.scriptEn }],
    ["open", current.open, next.open],
    ["public", current.public, next.public],
  ]);
}
