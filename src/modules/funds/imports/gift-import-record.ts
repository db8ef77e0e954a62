import { createHash } from "node:crypto";
import { and, eq, inArray, like, ne } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { chunks } from "../../../platform/chunks";
import { AppError, notFound } from "../../../platform/errors";
import type { Campaign } from "../campaign";
import { gifts } from "../funds.schema";
import { giftImports } from "../gift-sources.schema";
import type { GiftCsvMapping } from "./gift-csv";
import { candidateIds, type GiftCsvPreview, importSource, previewRows } from "./gift-csv-rows";

export type GiftImport = typeof giftImports.$inferSelect;

/**
 * `getX` returns null: another organization's import, or one of another campaign, is absent.
 * `lock: "update"` locks the row until the transaction ends (a commit of the same import waits).
 */
export async function getGiftImport(
  db: Db,
  orgId: string,
  campaignId: string,
  id: string,
  lock?: "update",
): Promise<GiftImport | null> {
  const query = db
    .select()
    .from(giftImports)
    .where(
      and(
        eq(giftImports.orgId, orgId),
        eq(giftImports.campaignId, campaignId),
        eq(giftImports.id, id),
      ),
    );
  const [row] = await (lock ? query.for(lock) : query);
  return row ?? null;
}

/**
 * `requireX` throws: an import still in preview, the only kind whose mapping may change or
 * that may be discarded (404 when absent, 409 wrong_status once committed).
 */
export async function requirePreviewedImport(
  db: Db,
  orgId: string,
  campaignId: string,
  id: string,
): Promise<GiftImport> {
  const imp = await getGiftImport(db, orgId, campaignId, id);
  if (!imp) throw notFound();
  if (imp.status !== "previewed") throw new AppError("wrong_status");
  return imp;
}

const CHUNK = 1000;

/** Which of `ids` are already gifts of this organization under `source`. */
export async function recordedIds(
  db: Db,
  orgId: string,
  source: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(ids)];
  for (const chunk of chunks(unique, CHUNK)) {
    const rows = await db
      .select({ externalId: gifts.externalId })
      .from(gifts)
      .where(
        and(eq(gifts.orgId, orgId), eq(gifts.source, source), inArray(gifts.externalId, chunk)),
      );
    for (const r of rows) if (r.externalId !== null) found.add(r.externalId);
  }
  return found;
}

/**
 * Which of `ids` are gifts of this organization imported under another platform name
 * (id -> that name): the same gift imported again under a new name would count twice.
 */
export async function idsImportedElsewhere(
  db: Db,
  orgId: string,
  source: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(ids)].filter((id) => !id.startsWith("row:"));
  for (const chunk of chunks(unique, CHUNK)) {
    const rows = await db
      .select({ externalId: gifts.externalId, source: gifts.source })
      .from(gifts)
      .where(
        and(
          eq(gifts.orgId, orgId),
          like(gifts.source, "import:%"),
          ne(gifts.source, source),
          inArray(gifts.externalId, chunk),
        ),
      );
    for (const r of rows) {
      if (r.externalId !== null) found.set(r.externalId, r.source.slice("import:".length));
    }
  }
  return found;
}

/**
 * The preview of an import as stored, against the campaign and the gifts already
 * recorded. Recomputed on every view and again inside the commit: nothing the browser
 * sends back is taken as the rows.
 */
export async function computePreview(
  db: Db,
  orgId: string,
  imp: Pick<GiftImport, "headers" | "rows" | "mapping">,
  campaign: Pick<Campaign, "currency">,
  timeZone: string,
  now = new Date(),
): Promise<GiftCsvPreview> {
  const csv = { headers: imp.headers, rows: imp.rows };
  const ctx = { currency: campaign.currency, timeZone, now };
  const first = previewRows(csv, imp.mapping, ctx);
  const source = importSource(imp.mapping);
  const ids = candidateIds(first);
  const here = await recordedIds(db, orgId, source, ids);
  const elsewhere = await idsImportedElsewhere(db, orgId, source, ids);
  if (here.size === 0 && elsewhere.size === 0) return first;
  return previewRows(csv, imp.mapping, ctx, { here, elsewhere });
}

/**
 * A short fingerprint of a mapping. The commit form carries the one its preview was
 * made with, so a mapping changed in another tab can't be committed unseen.
 */
export function mappingDigest(mapping: GiftCsvMapping): string {
  const stable = JSON.stringify({
    columns: Object.entries(mapping.columns).sort(([a], [b]) => a.localeCompare(b)),
    dateOrder: mapping.dateOrder,
    source: mapping.source,
    method: mapping.method,
  });
  return createHash("sha256").update(stable).digest("hex").slice(0, 16);
}
