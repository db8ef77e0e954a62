import { sql } from "drizzle-orm";
import { ownRow } from "../../../db/columns";
import type { Actor, Deps } from "../../../platform/actor";
import { changedNames } from "../../../platform/audit";
import { invalid, notFound, slugTakenOnClash } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { requireLinkedCase } from "../../defense/case-lookup";
import type { Campaign, CampaignFields } from "../campaign";
import { campaigns, disbursements, ledgerGroups } from "../funds.schema";
import { getCampaign, lockCampaign } from "./campaign-record";
import { campaignColumns } from "./create-campaign";
import "../funds.errors";

/**
 * Replaces a campaign's fields. The currency may change only while the campaign has
 * no movements and no payment requests; the audit lists the fields that changed.
 */
export async function updateCampaign(
  deps: Deps,
  actor: Actor,
  id: string,
  input: CampaignFields,
): Promise<Campaign> {
  return slugTakenOnClash(() =>
    runOperation(deps, actor, async (op) => {
      const { tx } = op;
      if (input.caseId) await requireLinkedCase(tx, actor.orgId, input.caseId);
      const current = await lockCampaign(tx, actor.orgId, id, "update");
      if (!current) throw notFound();
      if (input.currency !== current.currency) {
        const [used] = await tx
          .execute<{ used: boolean }>(sql`SELECT
          EXISTS (SELECT 1 FROM ${ledgerGroups} WHERE ${ledgerGroups.campaignId} = ${id})
          OR EXISTS (SELECT 1 FROM ${disbursements} WHERE ${disbursements.campaignId} = ${id})
          AS used`)
          .then((r) => r.rows);
        if (used?.used) throw invalid({ currency: "currency_locked" });
      }
      await tx
        .update(campaigns)
        .set({ ...campaignColumns(input), updatedAt: new Date() })
        .where(ownRow(campaigns, actor.orgId, id));
      await op.audit(
        "campaign.updated",
        { type: "campaign", id },
        { fields: changedFields(current, input) },
      );
      op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: id });
      const campaign = await getCampaign(tx, actor.orgId, id);
      if (!campaign) throw notFound();
      return campaign;
    }),
  );
}

function changedFields(current: Campaign, next: CampaignFields): string[] {
  return changedNames([
    ["slug", current.slug, next.slug],
    ["title", current.title, next.title],
    ["story", current.story, next.story],
    ["goal_cents", current.goalCents, next.goalCents],
    ["currency", current.currency, next.currency],
    ["milestones_cents", current.milestonesCents, next.milestonesCents],
    ["case_id", current.caseId, next.caseId],
    ["open", current.open, next.open],
    ["public", current.public, next.public],
  ]);
}
