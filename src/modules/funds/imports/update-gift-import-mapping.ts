import { ownRow } from "../../../db/columns";
import type { Actor, Deps } from "../../../platform/actor";
import { invalid } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { giftImports } from "../gift-sources.schema";
import { GIFT_METHODS } from "../gifts/gift";
import { GIFT_FIELDS, type GiftCsvMapping, SOURCE_LABEL } from "./gift-csv";
import { requirePreviewedImport } from "./gift-import-record";

/** A person's choice of columns for an import still in preview. */
export async function updateGiftImportMapping(
  deps: Deps,
  actor: Actor,
  input: { campaignId: string; importId: string; mapping: GiftCsvMapping },
): Promise<void> {
  await runOperation(deps, actor, async ({ tx, audit }) => {
    const imp = await requirePreviewedImport(tx, actor.orgId, input.campaignId, input.importId);
    const { mapping } = input;
    for (const field of GIFT_FIELDS) {
      const index = mapping.columns[field];
      if (
        index !== null &&
        (!Number.isInteger(index) || index < 0 || index >= imp.headers.length)
      ) {
        throw invalid({ [`col_${field}`]: "invalid_choice" });
      }
    }
    if (!SOURCE_LABEL.test(mapping.source)) throw invalid({ source: "invalid_slug" });
    if (!(GIFT_METHODS as readonly string[]).includes(mapping.method)) {
      throw invalid({ method: "invalid_choice" });
    }
    await tx
      .update(giftImports)
      .set({ mapping })
      .where(ownRow(giftImports, actor.orgId, imp.id));
    await audit("gift_import.mapped", { type: "gift_import", id: imp.id });
  });
}
