import { and, eq, sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { invalid, isUniqueViolation, notFound } from "../../platform/errors";
import { getCaseSummary } from "../defense/case-lookup";
import { type Campaign, type CampaignFields, searchTextFor } from "./campaign";
import { getCampaign, lockCampaign } from "./campaign-record";
import { campaigns, disbursements, ledgerGroups } from "./funds.schema";

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
  if (input.caseId && !(await getCaseSummary(deps.db, actor.orgId, input.caseId))) {
    throw invalid({ caseId: "case_not_found" });
  }
  try {
    await deps.db.transaction(async (tx) => {
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
        .set({
          slug: input.slug,
          titleEs: input.title.es,
          titleEn: input.title.en,
          storyEs: input.story.es,
          storyEn: input.story.en,
          goalCents: input.goalCents,
          currency: input.currency,
          milestonesCents: input.milestonesCents,
          caseId: input.caseId,
          open: input.open,
          public: input.public,
          searchText: searchTextFor(input),
          updatedAt: new Date(),
        })
        .where(and(eq(campaigns.orgId, actor.orgId), eq(campaigns.id, id)));
      await audit(
        tx,
        actor,
        "campaign.updated",
        { type: "campaign", id },
        {
          fields: changedFields(current, input),
        },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ slug: "slug_taken" });
    throw error;
  }
  deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: id });
  const campaign = await getCampaign(deps.db, actor.orgId, id);
  if (!campaign) throw notFound();
  return campaign;
}

function changedFields(current: Campaign, next: CampaignFields): string[] {
  const pairs: [string, unknown, unknown][] = [
    ["slug", current.slug, next.slug],
    ["title", current.title, next.title],
    ["story", current.story, next.story],
    ["goal_cents", current.goalCents, next.goalCents],
    ["currency", current.currency, next.currency],
    ["milestones_cents", current.milestonesCents, next.milestonesCents],
    ["case_id", current.caseId, next.caseId],
    ["open", current.open, next.open],
    ["public", current.public, next.public],
  ];
  return pairs.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([k]) => k);
}
