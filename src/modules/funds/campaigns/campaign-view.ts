import type { Db } from "../../../db/client";
import type { SignedIn } from "../../../platform/http";
import type { Cents } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import { getCaseSummary } from "../../defense/case-lookup";
import { type BondRecord, listBonds } from "../bonds/bond-record";
import type { Campaign } from "../campaign";
import { type Disbursement, listDisbursements } from "../disbursements/disbursement-record";
import { getApprovalThreshold } from "../disbursements/funds-settings";
import { countApprovers, type Gift, listGifts, listTeam } from "../gifts/gift-record";
import type { CampaignTotals } from "../ledger/ledger";
import { type LedgerPage, ledgerPage } from "../ledger/ledger-page";
import { monthsFromSums, totalsFromSums } from "../ledger/ledger-sums";
import { ledgerSums } from "../ledger/ledger-totals";
import type { MonthTotals } from "../ledger/reports";
import { getCampaign } from "./campaign-record";

/** Everything the campaign page shows, read once. */
export type CampaignView = {
  campaign: Campaign;
  totals: CampaignTotals;
  months: MonthTotals[];
  /** The newest LEDGER_SHOWN movements; the ledger page has the rest. */
  ledger: LedgerPage;
  gifts: Gift[];
  giftQuery: string;
  disbursements: Disbursement[];
  bonds: BondRecord[];
  team: { id: string; name: string }[];
  threshold: Cents;
  /** People who may approve payments: with one, nothing over the threshold can be approved. */
  approvers: number;
  /** The linked case's person, for those who may read cases. */
  caseName: string | null;
};

export const LEDGER_SHOWN = 10;

export async function loadCampaignView(
  db: Db,
  auth: SignedIn,
  id: string,
  giftQuery = "",
): Promise<CampaignView | null> {
  const orgId = auth.org.id;
  const campaign = await getCampaign(db, orgId, id);
  if (!campaign) return null;
  // Independent reads, sent at once: on PostgreSQL they run side by side on the pool (the
  // page waits for the slowest, not the sum); on PGlite they queue as before.
  const [sums, summary, ledger, gifts, disbursementList, bondList, team, threshold, approvers] =
    await Promise.all([
      ledgerSums(db, orgId, [campaign.id]).then((m) => m.get(campaign.id) ?? []),
      campaign.caseId && can(auth.role, "cases.read")
        ? getCaseSummary(db, orgId, campaign.caseId)
        : null,
      ledgerPage(db, orgId, campaign.id, { limit: LEDGER_SHOWN }),
      listGifts(db, orgId, id, { q: giftQuery, limit: 50 }),
      listDisbursements(db, orgId, id),
      listBonds(db, orgId, id),
      listTeam(db, orgId),
      getApprovalThreshold(db, orgId),
      countApprovers(db, orgId),
    ]);
  return {
    campaign,
    totals: totalsFromSums(sums),
    months: monthsFromSums(sums),
    ledger,
    gifts,
    giftQuery,
    disbursements: disbursementList,
    bonds: bondList,
    team,
    threshold,
    approvers,
    caseName: summary?.personDisplayName ?? null,
  };
}
