// Pure: months in the organization's time zone, CSV text. No I/O.

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
  const months = new Map<string, Group[]>();
  for (const line of lines) {
    const key = monthKey(line.occurredAt, timeZone);
    const list = months.get(key) ?? [];
    list.push(line.group);
    months.set(key, list);
  }
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

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Free text
 * that a spreadsheet would run as a formula (=, +, -, @, tab) gets a leading apostrophe.
 */
export function csvCell(value: string | number, kind: "text" | "number" = "text"): string {
  let text = String(value);
  if (kind === "text" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvValue = string | number | { number: string | number };

/** The whole file: UTF-8 byte order mark (so Excel reads accents right), CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  const lines = rows.map((row) =>
    row.map((v) => (typeof v === "object" ? csvCell(v.number, "number") : csvCell(v))).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
