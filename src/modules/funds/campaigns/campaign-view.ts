import type { Db } from "../../../db/client";
import type { SignedIn } from "../../../platform/http";
import type { Cents } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import { getCaseSummary } from "../../defense/case-lookup";
import { type BondRecord, listBonds } from "../bonds/bond-record";
import type { Campaign } from "../campaign";
import { type Disbursement, listDisbursements } from "../disbursements/disbursement-record";
import { getApprovalThreshold } from "../disbursements/funds-settings";
import { type Gift, listGifts, listTeam } from "../gifts/gift-record";
import { type CampaignTotals, campaignTotals } from "../ledger/ledger";
import { type LedgerLine, loadLedger } from "../ledger/ledger-store";
import { type MonthTotals, totalsByMonth } from "../ledger/reports";
import { getCampaign } from "./campaign-record";

/** Everything the campaign page shows, read once. */
export type CampaignView = {
  campaign: Campaign;
  totals: CampaignTotals;
  months: MonthTotals[];
  /** Newest first, at most LEDGER_SHOWN. */
  ledger: LedgerLine[];
  ledgerCount: number;
  gifts: Gift[];
  giftQuery: string;
  disbursements: Disbursement[];
  bonds: BondRecord[];
  team: { id: string; name: string }[];
  threshold: Cents;
  /** The linked case's person, for those who may read cases. */
  caseName: string | null;
};

export const LEDGER_SHOWN = 50;

export async function loadCampaignView(
  db: Db,
  auth: SignedIn,
  id: string,
  giftQuery = "",
): Promise<CampaignView | null> {
  const orgId = auth.org.id;
  const campaign = await getCampaign(db, orgId, id);
  if (!campaign) return null;
  const lines = await loadLedger(db, orgId, [campaign]);
  const summary =
    campaign.caseId && can(auth.role, "cases.read")
      ? await getCaseSummary(db, orgId, campaign.caseId)
      : null;
  return {
    campaign,
    totals: campaignTotals(lines.map((l) => l.group)),
    months: totalsByMonth(lines, auth.org.timeZone),
    ledger: lines.slice(-LEDGER_SHOWN).reverse(),
    ledgerCount: lines.length,
    gifts: await listGifts(db, orgId, id, { q: giftQuery, limit: 50 }),
    giftQuery,
    disbursements: await listDisbursements(db, orgId, id),
    bonds: await listBonds(db, orgId, id),
    team: await listTeam(db, orgId),
    threshold: await getApprovalThreshold(db, orgId),
    caseName: summary?.personDisplayName ?? null,
  };
}
