import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Actor, Deps } from "../../../platform/actor";
import { notFound } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { getCampaign } from "../campaigns/campaign-record";
import { giftImports } from "../gift-sources.schema";
import { decodeCsv, type GiftCsvMapping, guessMapping, type ParsedCsv, parseCsv } from "./gift-csv";

export type UploadInput = { campaignId: string; fileName: string; bytes: Uint8Array };

/** Uncommitted previews are kept this long, then removed with the donor names they hold. */
export const PREVIEW_DAYS = 7;

/** "C:\\fakepath\\Donations (1).csv" -> "Donations (1).csv": a label, never a path. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = [...base].filter((ch) => ch >= " " && ch !== "\u007f").join("");
  return printable.trim().slice(0, 200) || "import.csv";
}

/**
 * The mapping for a new upload: the one last used in this campaign for a file with the
 * same columns (so a platform's export is read the same way every time, under the same
 * platform name); else guessed from the columns and rows.
 */
async function rememberedMapping(
  db: Db,
  orgId: string,
  campaignId: string,
  csv: ParsedCsv,
  fileName: string,
): Promise<GiftCsvMapping> {
  const [last] = await db
    .select({ mapping: giftImports.mapping })
    .from(giftImports)
    .where(
      and(
        eq(giftImports.orgId, orgId),
        eq(giftImports.campaignId, campaignId),
        sql`${giftImports.headers} = ${JSON.stringify(csv.headers)}::jsonb`,
      ),
    )
    // The last one committed, else the last one previewed (its mapping as last chosen).
    .orderBy(sql`${giftImports.committedAt} IS NULL`, desc(giftImports.createdAt))
    .limit(1);
  const guessed = guessMapping(csv.headers, fileName, csv.rows);
  if (!last) return guessed;
  return { ...guessed, ...last.mapping, columns: { ...guessed.columns, ...last.mapping.columns } };
}

/**
 * Reads an uploaded CSV and keeps it, with a guessed column mapping, for the preview.
 * Nothing is recorded as a gift here. A file that can't be read as a table throws
 * CsvFileError (gift-csv.ts), which the page explains.
 */
export async function uploadGiftImport(
  deps: Deps,
  actor: Actor,
  input: UploadInput,
): Promise<{ id: string }> {
  const campaign = await getCampaign(deps.db, actor.orgId, input.campaignId);
  if (!campaign) throw notFound();
  const decoded = decodeCsv(input.bytes);
  const csv = parseCsv(decoded.text);
  const fileName = cleanFileName(input.fileName);
  return runOperation(deps, actor, async ({ tx, audit }) => {
    await tx
      .delete(giftImports)
      .where(
        and(
          eq(giftImports.orgId, actor.orgId),
          eq(giftImports.status, "previewed"),
          lt(giftImports.createdAt, sql`now() - make_interval(days => ${PREVIEW_DAYS})`),
        ),
      );
    const [row] = await tx
      .insert(giftImports)
      .values({
        orgId: actor.orgId,
        campaignId: campaign.id,
        createdBy: actor.userId,
        fileName,
        encoding: decoded.encoding,
        lossy: decoded.lossy,
        headers: csv.headers,
        rows: csv.rows,
        mapping: await rememberedMapping(tx, actor.orgId, campaign.id, csv, fileName),
      })
      .returning({ id: giftImports.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(
      "gift_import.uploaded",
      { type: "gift_import", id: row.id },
      { campaign_id: campaign.id, rows: csv.rows.length, encoding: decoded.encoding },
    );
    return { id: row.id };
  });
}
