import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { invalid, isUniqueViolation } from "../../platform/errors";
import { getCaseSummary } from "../defense/case-lookup";
import { type Campaign, type CampaignFields, searchTextFor } from "./campaign";
import { getCampaign } from "./campaign-record";
import { campaigns } from "./funds.schema";

export async function createCampaign(
  deps: Deps,
  actor: Actor,
  input: CampaignFields,
): Promise<Campaign> {
  if (input.caseId && !(await getCaseSummary(deps.db, actor.orgId, input.caseId))) {
    throw invalid({ caseId: "case_not_found" });
  }
  const id = randomUUID();
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(campaigns).values({
        id,
        orgId: actor.orgId,
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
        createdBy: actor.userId,
      });
      await audit(tx, actor, "campaign.created", { type: "campaign", id }, { slug: input.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ slug: "slug_taken" });
    throw error;
  }
  deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: id });
  const campaign = await getCampaign(deps.db, actor.orgId, id);
  if (!campaign) throw new Error("created campaign vanished");
  return campaign;
}
