import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Currency } from "../../../platform/money";
import type { Campaign } from "../campaign";
import { campaignFromRow } from "../campaigns/campaign-record";
import { campaigns } from "../funds.schema";
import { type LedgerSum, monthsFromSums } from "./ledger-sums";
import { ledgerSums } from "./ledger-totals";
import type { MonthTotals } from "./reports";

// Month by month in the organization's time zone, summed in the database (ledger-totals.ts).

/** One campaign, month by month in the organization's time zone. */
export async function campaignMonthlyReport(
  db: Db,
  orgId: string,
  campaign: Pick<Campaign, "id">,
): Promise<MonthTotals[]> {
  return monthsFromSums((await ledgerSums(db, orgId, [campaign.id])).get(campaign.id) ?? []);
}

/** Every campaign of the organization together, month by month, one report per currency. */
export async function overallMonthlyReport(
  db: Db,
  orgId: string,
): Promise<{ currency: Currency; months: MonthTotals[] }[]> {
  const list = (await db.select().from(campaigns).where(eq(campaigns.orgId, orgId))).map(
    campaignFromRow,
  );
  const sums = await ledgerSums(
    db,
    orgId,
    list.map((c) => c.id),
  );
  const byCurrency = new Map<Currency, LedgerSum[]>();
  for (const c of list) {
    const into = byCurrency.get(c.currency) ?? [];
    into.push(...(sums.get(c.id) ?? []));
    byCurrency.set(c.currency, into);
  }
  return [...byCurrency.keys()]
    .sort()
    .map((currency) => ({ currency, months: monthsFromSums(byCurrency.get(currency) ?? []) }))
    .filter((r) => r.months.length > 0);
}
