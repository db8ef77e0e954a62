import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { publicPageLinks } from "../../db/columns";
import type { Bilingual } from "../../platform/bilingual";
import type { Cents } from "../../platform/money";
import type { Campaign } from "./campaign";
import { campaignPageFields } from "./campaigns/campaign-record";
import { spendingByPurpose } from "./campaigns/campaign-totals";
import { DISBURSEMENT_PURPOSES, type DisbursementPurpose } from "./disbursements/disbursement";
import { campaigns } from "./funds.schema";
import type { CampaignTotals } from "./ledger/ledger";
import { totalsFromSums } from "./ledger/ledger-sums";
import { ledgerSums } from "./ledger/ledger-totals";

// What funds publishes for the public campaign page and its flyer (modules/public): the
// campaign read once, only the columns those show, and only when it is public.

export { DISBURSEMENT_PURPOSES, type DisbursementPurpose };

export type PublicCampaignFigures = {
  /** With `caseId`: the linked case (its public story and advocacy are shown), or null. */
  campaign: Pick<
    Campaign,
    | "id"
    | "slug"
    | "title"
    | "story"
    | "goalCents"
    | "currency"
    | "milestonesCents"
    | "open"
    | "caseId"
  >;
  totals: Pick<
    CampaignTotals,
    "raisedCents" | "availableCents" | "onBondCents" | "spentCents" | "forfeitedCents" | "gifts"
  >;
  /** Paid disbursements by purpose ("where the money went"). */
  spending: Record<DisbursementPurpose, Cents>;
};

/** The organization's open public campaigns, newest first: the links on its public home page. */
export async function listPublicCampaigns(
  db: Db,
  orgId: string,
): Promise<Array<{ slug: string; title: Bilingual }>> {
  return publicPageLinks(db, campaigns, orgId);
}

/** The public campaign `slug` of the organization with its totals; null when not public. */
export async function getPublicCampaignFigures(
  db: Db,
  orgId: string,
  slug: string,
): Promise<PublicCampaignFigures | null> {
  const [row] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      titleEs: campaigns.titleEs,
      titleEn: campaigns.titleEn,
      storyEs: campaigns.storyEs,
      storyEn: campaigns.storyEn,
      goalCents: campaigns.goalCents,
      currency: campaigns.currency,
      milestonesCents: campaigns.milestonesCents,
      open: campaigns.open,
      caseId: campaigns.caseId,
    })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.orgId, orgId),
        eq(campaigns.slug, slug.toLowerCase()),
        eq(campaigns.public, true),
      ),
    );
  if (!row) return null;
  const totals = totalsFromSums((await ledgerSums(db, orgId, [row.id])).get(row.id) ?? []);
  const spending = await spendingByPurpose(db, orgId, row.id);
  return {
    campaign: {
      ...campaignPageFields(row),
      open: row.open,
      caseId: row.caseId,
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
  };
}
