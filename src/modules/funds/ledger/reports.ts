// Pure: months in the organization's time zone, CSV text. No I/O.

import { groupBy } from "../../../platform/group-by";
import { type Cents, CURRENCY_DECIMALS, type Currency } from "../../../platform/money";
import { monthKey } from "../../../platform/time";
import { type CampaignTotals, campaignTotals, type Group } from "./ledger";

export type MonthTotals = { month: string; totals: CampaignTotals };

/**
 * What happened in each month, oldest first: the ledger's own campaignTotals applied to
 * the groups dated in that month (a reversal counts in the month it was recorded).
 * "available" and "on bond" are then that month's change, not a balance.
 */
export function totalsByMonth(
  lines: readonly { group: Group; occurredAt: Date }[],
  timeZone: string,
): MonthTotals[] {
  const months = groupBy(
    lines,
    (line) => monthKey(line.occurredAt, timeZone),
    (line) => line.group,
  );
  return [...months.keys()]
    .sort()
    .map((month) => ({ month, totals: campaignTotals(months.get(month) ?? []) }));
}

/** "-1234.50" for -123450 USD cents: plain digits a spreadsheet reads as a number. */
export function decimalText(amount: Cents, currency: Currency): string {
  const decimals = CURRENCY_DECIMALS[currency];
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(amount)).padStart(decimals + 1, "0");
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
