import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../../platform/actor";
import { slugTakenOnClash } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { requireLinkedCase } from "../../defense/case-lookup";
import { type Campaign, type CampaignFields, searchTextFor } from "../campaign";
import { campaigns } from "../funds.schema";
import { getCampaign } from "./campaign-record";

/** The columns a campaign's fields fill, on create and on update alike. */
export function campaignColumns(input: CampaignFields) {
  return {
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
  };
}

export async function createCampaign(
  deps: Deps,
  actor: Actor,
  input: CampaignFields,
): Promise<Campaign> {
  return slugTakenOnClash(() =>
    runOperation(deps, actor, async (op) => {
      if (input.caseId) await requireLinkedCase(op.tx, actor.orgId, input.caseId);
      const id = randomUUID();
      await op.tx.insert(campaigns).values({
        id,
        orgId: actor.orgId,
        ...campaignColumns(input),
        createdBy: actor.userId,
      });
      await op.audit("campaign.created", { type: "campaign", id }, { slug: input.slug });
      op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: id });
      const campaign = await getCampaign(op.tx, actor.orgId, id);
      if (!campaign) throw new Error("created campaign vanished");
      return campaign;
    }),
  );
}
