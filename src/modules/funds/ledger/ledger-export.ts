import type { Db } from "../../../db/client";
import { type CsvValue, toCsv } from "../../../platform/csv";
import type { Lang } from "../../../platform/i18n";
import { localStamp } from "../../../platform/time";
import type { Campaign } from "../campaign";
import { activityText } from "../campaigns/funds-activity.messages";
import { loadLedger } from "./ledger-store";
import { decimalText } from "./reports";

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
