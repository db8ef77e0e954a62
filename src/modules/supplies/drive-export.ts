import { type CsvValue, toCsv } from "../../platform/csv";
import type { Lang } from "../../platform/i18n";
import type { NeedWithFigures } from "./drive-figures";
import { toUnits } from "./quantity";
import { suppliesText } from "./supplies.messages";
import { unitName } from "./units";

/** A drive's needs and their figures as CSV: headers in the reader's language, plain decimals. */
export function needsCsv(needs: readonly NeedWithFigures[], lang: Lang): string {
  const t = suppliesText[lang];
  const rows: CsvValue[][] = [
    [
      t.item_es,
      t.item_en,
      t.variant,
      t.unit,
      t.urgent,
      t.needed,
      t.pledged,
      t.received,
      t.delivered,
      t.kind_discarded,
      t.on_hand,
      t.still_needed,
    ],
  ];
  for (const n of needs) {
    const f = n.figures;
    rows.push([
      n.item.es,
      n.item.en,
      n.variant ?? "",
      unitName(n.unit, lang),
      n.urgent ? "1" : "0",
      ...[f.needed, f.pledged, f.received, f.delivered, f.discarded, f.onHand, f.stillNeeded].map(
        (q) => ({ number: toUnits(q) }),
      ),
    ]);
  }
  return toCsv(rows);
}
