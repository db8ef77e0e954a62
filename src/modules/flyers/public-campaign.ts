import type { Db } from "../../db/client";
import type { Cents } from "../../platform/money";
import { getOrganizationBySlug, type Organization } from "../accounts/organization-record";
import { getPublicAdvocacy, type PublicAdvocacy } from "../advocacy/public-advocacy";
import { getCaseSummary } from "../defense/case-lookup";
import type { Campaign } from "../funds/campaign";
import { getCampaignBySlug } from "../funds/campaign-record";
import { getCampaignTotals, spendingByPurpose } from "../funds/campaign-totals";
import type { DisbursementPurpose } from "../funds/funds.schema";
import type { CampaignTotals } from "../funds/ledger";

// Everything a public campaign page and its flyer show, and nothing else: no donor names,
// no case details beyond the story the group chose to publish.

export type PublicCampaign = {
  org: Pick<Organization, "id" | "name" | "slug" | "defaultLanguage">;
  campaign: Pick<
    Campaign,
    "id" | "slug" | "title" | "story" | "goalCents" | "currency" | "milestonesCents" | "open"
  >;
  totals: Pick<
    CampaignTotals,
    "raisedCents" | "availableCents" | "onBondCents" | "spentCents" | "forfeitedCents" | "gifts"
  >;
  spending: Record<DisbursementPurpose, Cents>;
  /** The linked case, whose changes (advocacy, story) the page also depends on. */
  caseId: string | null;
  /** The linked case's public story, only when that case is marked public. */
  caseStory: { es: string | null; en: string | null } | null;
  /** The linked case's public, open call and visit campaigns. */
  advocacy: PublicAdvocacy[];
};

/** The campaign at /p/{org}/c/{slug} when it is public; null otherwise (the page is a 404). */
export async function loadPublicCampaign(
  db: Db,
  orgSlug: string,
  slug: string,
): Promise<PublicCampaign | null> {
  const org = await getOrganizationBySlug(db, orgSlug);
  if (!org) return null;
  const campaign = await getCampaignBySlug(db, org.id, slug);
  if (!campaign?.public) return null;
  const totals = await getCampaignTotals(db, org.id, campaign.id);
  if (!totals) return null;
  const spending = await spendingByPurpose(db, org.id, campaign.id);
  const linked = campaign.caseId ? await getCaseSummary(db, org.id, campaign.caseId) : null;
  const story = linked?.public ? linked.publicStory : null;
  const advocacy = linked ? await getPublicAdvocacy(db, org.id, linked.id) : [];
  return {
    org: { id: org.id, name: org.name, slug: org.slug, defaultLanguage: org.defaultLanguage },
    campaign: {
      id: campaign.id,
      slug: campaign.slug,
      title: campaign.title,
      story: campaign.story,
      goalCents: campaign.goalCents,
      currency: campaign.currency,
      milestonesCents: campaign.milestonesCents,
      open: campaign.open,
    },
    totals: {
      raisedCents: totals.raisedCents,
      availableCents: totals.availableCents,
      onBondCents: totals.onBondCents,
      spentCents: totals.spentCents,
      forfeitedCents: totals.forfeitedCents,
      gifts: totals.gifts,
    },
    spending,
    caseId: linked?.id ?? null,
    caseStory: story && (story.es || story.en) ? story : null,
    advocacy,
  };
}

/** The text in `lang`, or in the other language (marked so) when only that one exists. */
export function inLang(
  text: { es: string | null; en: string | null },
  lang: "es" | "en",
): { text: string; lang: "es" | "en" } | null {
  const mine = text[lang]?.trim();
  if (mine) return { text: mine, lang };
  const other = lang === "es" ? "en" : "es";
  const theirs = text[other]?.trim();
  return theirs ? { text: theirs, lang: other } : null;
}
