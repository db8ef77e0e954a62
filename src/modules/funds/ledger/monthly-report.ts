import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Currency } from "../../../platform/money";
import type { Campaign } from "../campaign";
import { campaignFromRow } from "../campaigns/campaign-record";
import { campaigns } from "../funds.schema";
import { loadLedger } from "./ledger-store";
import { type MonthTotals, totalsByMonth } from "./reports";

/** One campaign, month by month in the organization's time zone. */
export async function campaignMonthlyReport(
  db: Db,
  orgId: string,
  campaign: Pick<Campaign, "id" | "currency">,
  timeZone: string,
): Promise<MonthTotals[]> {
  return totalsByMonth(await loadLedger(db, orgId, [campaign]), timeZone);
}

/** Every campaign of the organization together, month by month, one report per currency. */
export async function overallMonthlyReport(
  db: Db,
  orgId: string,
  timeZone: string,
): Promise<{ currency: Currency; months: MonthTotals[] }[]> {
  const list = (await db.select().from(campaigns).where(eq(campaigns.orgId, orgId))).map(
    campaignFromRow,
  );
  const lines = await loadLedger(db, orgId, list);
  const currencyOf = new Map(list.map((c) => [c.id, c.currency]));
  const currencies = [...new Set(list.map((c) => c.currency))].sort();
  return currencies
    .map((currency) => ({
      currency,
      months: totalsByMonth(
        lines.filter((l) => currencyOf.get(l.campaignId) === currency),
        timeZone,
      ),
    }))
    .filter((r) => r.months.length > 0);
}
