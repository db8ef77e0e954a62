import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { requireLinkedCase } from "../defense/case-lookup";
import { callCampaigns } from "./advocacy.schema";
import type { CallCampaign, CallCampaignFields } from "./call-campaign";
import { campaignColumns, getCallCampaign } from "./call-campaign-record";

/** A call-in or visit campaign for one of the organization's cases; targets come after. */
export async function createCallCampaign(
  deps: Deps,
  actor: Actor,
  input: CallCampaignFields,
): Promise<CallCampaign> {
  await requireLinkedCase(deps.db, actor.orgId, input.caseId);
  const id = randomUUID();
  return runOperation(deps, actor, async (op) => {
    await op.tx.insert(callCampaigns).values({
      id,
      orgId: actor.orgId,
      ...campaignColumns(input),
      createdBy: actor.userId,
    });
    await op.audit(
      "call_campaign.created",
      { type: "call_campaign", id },
      { case_id: input.caseId, kind: input.kind, public: input.public },
    );
    op.emit("advocacy.changed", { orgId: actor.orgId, caseId: input.caseId });
    const campaign = await getCallCampaign(op.tx, actor.orgId, id);
    if (!campaign) throw new Error("created call campaign vanished");
    return campaign;
  });
}
