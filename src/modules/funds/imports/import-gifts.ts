import { sql } from "drizzle-orm";
import { ownRow } from "../../../db/columns";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, notFound, retryOnUniqueViolation } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { lockCampaign } from "../campaigns/campaign-record";
import { type GiftImportResult, giftImports } from "../gift-sources.schema";
import { writeOutsideGifts } from "../gifts/gift-writer";
import { importSource } from "./gift-csv-rows";
import { computePreview, getGiftImport, mappingDigest } from "./gift-import-record";
import "../funds.errors";

export type ImportGiftsInput = {
  campaignId: string;
  importId: string;
  /** The mapping digest the person's preview was made with (gift-import-record.ts). */
  mappingDigest: string;
  /** The organization's time zone: dates without one are read there. */
  timeZone: string;
};

export type ImportGiftsResult = GiftImportResult & { replayed: boolean };

/**
 * Commits a previewed import: every new gift in ONE transaction, all or nothing.
 * The rows are read again from what the server stored and checked again; a line with a
 * problem refuses the whole commit. Gifts are recorded under (source "import:<label>",
 * external id), so rows already recorded are skipped and the same file imported twice
 * adds nothing. Committing the same import again answers with its first result.
 */
export async function importGifts(
  deps: Deps,
  actor: Actor,
  input: ImportGiftsInput,
): Promise<ImportGiftsResult> {
  // Another import may record one of these gifts between our check and our insert:
  // everything here rolls back; next time those rows are found and skipped.
  return retryOnUniqueViolation(() => commitOnce(deps, actor, input));
}

function commitOnce(deps: Deps, actor: Actor, input: ImportGiftsInput): Promise<ImportGiftsResult> {
  return runOperation(deps, actor, async (op): Promise<ImportGiftsResult> => {
    const { tx } = op;
    // The row lock makes a second commit of the same import wait, then see it committed.
    const imp = await getGiftImport(tx, actor.orgId, input.campaignId, input.importId, "update");
    if (!imp) throw notFound();
    if (imp.status === "committed") {
      return { ...(imp.result ?? { recorded: 0, recordedCents: 0, skipped: 0 }), replayed: true };
    }
    if (mappingDigest(imp.mapping) !== input.mappingDigest) throw new AppError("preview_changed");
    const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "key share");
    if (!campaign) throw notFound();

    const preview = await computePreview(tx, actor.orgId, imp, campaign, input.timeZone);
    if (!preview.committable) throw new AppError("import_has_problems");
    const source = importSource(imp.mapping);
    await writeOutsideGifts(
      tx,
      actor,
      campaign,
      preview.toRecord.map((g) => ({
        amountCents: g.amountCents,
        receivedAt: g.receivedAt,
        donorName: g.donorName,
        anonymous: g.anonymous,
        method: imp.mapping.method,
        source,
        externalId: g.externalId,
        memo: `${source} #${g.line}`,
      })),
    );
    const outcome: GiftImportResult = {
      recorded: preview.toRecord.length,
      recordedCents: preview.recordCents,
      skipped: preview.skipped,
    };
    // The raw rows held donor names; once recorded, only the counts are kept.
    await tx
      .update(giftImports)
      .set({ status: "committed", committedAt: sql`now()`, result: outcome, rows: [] })
      .where(ownRow(giftImports, actor.orgId, imp.id));
    await op.audit(
      "gifts.imported",
      { type: "gift_import", id: imp.id },
      { campaign_id: campaign.id, source, recorded: outcome.recorded, skipped: outcome.skipped },
    );
    if (outcome.recorded > 0) {
      op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
    }
    return { ...outcome, replayed: false };
  });
}
