import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { type Cents, cents } from "../../../platform/money";
import type { Campaign } from "../campaign";
import { DISBURSEMENT_PURPOSES, type DisbursementPurpose } from "../disbursements/disbursement";
import { disbursements } from "../funds.schema";
import { type CampaignTotals, campaignTotals } from "../ledger/ledger";
import { totalsFromSums } from "../ledger/ledger-sums";
import { ledgerSums } from "../ledger/ledger-totals";
import { getCampaign } from "./campaign-record";

// Totals are computed from the ledger every time, in the database (ledger-totals.ts:
// immutable checkpoints plus the groups recorded since); no running total is stored
// anywhere, so there is nothing that can drift.

export type { CampaignTotals };

/** Raised, available, on bond, spent, gifts... for one campaign; null if it isn't this org's. */
export async function getCampaignTotals(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<CampaignTotals | null> {
  const campaign = await getCampaign(db, orgId, campaignId);
  if (!campaign) return null;
  return (await totalsForCampaigns(db, orgId, [campaign])).get(campaign.id) ?? campaignTotals([]);
}

/** Totals of several campaigns (a list page) in one query. */
export async function totalsForCampaigns(
  db: Db,
  orgId: string,
  list: readonly Pick<Campaign, "id">[],
): Promise<Map<string, CampaignTotals>> {
  const sums = await ledgerSums(
    db,
    orgId,
    list.map((c) => c.id),
  );
  return new Map(list.map((c) => [c.id, totalsFromSums(sums.get(c.id) ?? [])]));
}

/**
 * Where the money went: paid disbursements by purpose. A payment that was reversed is
 * cancelled and no longer counts, so the sum equals the ledger's spent total.
 */
export async function spendingByPurpose(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<Record<DisbursementPurpose, Cents>> {
  const rows = await db
    .select({
      purpose: disbursements.purpose,
      total: sql<string>`sum(${disbursements.amountCents})`,
    })
    .from(disbursements)
    .where(
      and(
        eq(disbursements.orgId, orgId),
        eq(disbursements.campaignId, campaignId),
        eq(disbursements.status, "paid"),
      ),
    )
    .groupBy(disbursements.purpose);
  const out = Object.fromEntries(DISBURSEMENT_PURPOSES.map((p) => [p, cents(0)])) as Record<
    DisbursementPurpose,
    Cents
  >;
  for (const r of rows) out[r.purpose] = cents(Number(r.total));
  return out;
}
