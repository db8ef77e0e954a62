import type { Db } from "../../db/client";
import type { Lang } from "../../platform/i18n";
import type { Campaign } from "./campaign";
import { activityText } from "./funds-activity.messages";
import { loadLedger } from "./ledger-store";
import { type CsvValue, decimalText, toCsv } from "./reports";

const two = (n: number) => String(n).padStart(2, "0");

/** "2025-03-31 22:30" on the organization's wall clock. */
export function localStamp(date: Date, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date)) {
    p[part.type] = part.value;
  }
  return `${p.year}-${p.month}-${p.day} ${two(Number(p.hour))}:${p.minute}`;
}

/**
 * The campaign's whole ledger as CSV, one line per entry, oldest first: headers and
 * labels in the reader's language, amounts as plain decimals, times in the org's zone.
 */
export async function ledgerCsv(
  db: Db,
  orgId: string,
  campaign: Pick<Campaign, "id" | "currency">,
  lang: Lang,
  timeZone: string,
): Promise<string> {
  const t = activityText[lang];
  const rows: CsvValue[][] = [
    [
      t.csv_date,
      t.csv_group,
      t.csv_kind,
      t.csv_reverses,
      t.csv_account,
      t.csv_amount,
      t.csv_currency,
      t.csv_memo,
      t.csv_recorded_by,
    ],
  ];
  for (const line of await loadLedger(db, orgId, [campaign])) {
    const g = line.group;
    for (const e of g.entries) {
      rows.push([
        localStamp(line.occurredAt, timeZone),
        g.id,
        t[`kind_${g.movement.kind}`],
        g.reverses ?? "",
        t[`account_${e.account}`],
        { number: decimalText(e.amount, campaign.currency) },
        campaign.currency,
        line.memo ?? "",
        line.createdByName ?? "",
      ]);
    }
  }
  return toCsv(rows);
}
