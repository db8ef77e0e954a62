import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Bilingual } from "../../platform/bilingual";
import type { BaseUnit } from "./quantity";
import { type Milli, milli } from "./quantity";
import { type NeedFigures, needFigures, type Totals } from "./stock";
import type { Condition } from "./supplies.schema";

// A drive's needs with their figures, computed by one SQL query from the ledger itself at
// read time (nothing is stored: issue 11, decision 096): the movements of the drive grouped
// per need, read by an index-only scan of supply_movements_sums_idx (drive, need, point;
// kind, quantity, reverses included, migration 0084), and the open pledges. The same
// arithmetic as stock.ts `recount`, which the tests hold this to on both stores.

export type NeedWithFigures = {
  id: string;
  itemId: string;
  item: Bilingual;
  unit: BaseUnit;
  packName: Bilingual | null;
  packSize: number | null;
  variant: string | null;
  condition: Condition;
  urgent: boolean;
  neededBy: string | null;
  position: number;
  figures: NeedFigures;
};

type Row = {
  id: string;
  item_id: string;
  name_es: string;
  name_en: string;
  base_unit: BaseUnit;
  pack_name_es: string | null;
  pack_name_en: string | null;
  pack_size: number | null;
  variant: string | null;
  condition: Condition;
  urgent: boolean;
  needed_by: string | Date | null;
  position: number;
  quantity_milli: string | number;
  received: string | number;
  delivered: string | number;
  discarded: string | number;
  pledged: string | number;
};

const m = (v: string | number | null | undefined): Milli => milli(Number(v ?? 0));

/** A stock query's three sums (text or numbers, as the driver hands them back) as Totals. */
export const totalsOf = (r: {
  received: string | number;
  delivered: string | number;
  discarded: string | number;
}): Totals => ({ received: m(r.received), delivered: m(r.delivered), discarded: m(r.discarded) });

/**
 * A movement's quantity with its sign (a reversal counts negative), as int: PostgreSQL sums
 * int terms in a 64-bit accumulator, not numeric (a CHECK keeps terms under 10⁹, 0071).
 */
export const signed = sql.raw(
  "CASE WHEN reverses IS NULL THEN quantity_milli::int ELSE -quantity_milli::int END",
);

/** YYYY-MM-DD whichever way the driver hands a date column back. */
export function dateText(v: string | Date | null): string | null {
  if (v === null) return null;
  return typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

export async function loadNeedFigures(
  db: Db,
  orgId: string,
  driveId: string,
  now: Date,
  /** Only this need (the quantity screen), by its primary key. */
  needId?: string,
): Promise<NeedWithFigures[]> {
  const res = await db.execute<Row>(sql`
    WITH moves AS (
      -- The drive's movements summed per need, streamed in index order (need_id leads
      -- after drive_id) with nothing else read. No org_id here: a drive's id is unique and
      -- the needs joined below are filtered by organization, so another organization's drive
      -- id finds no need; leaving org_id out keeps the scan index-only.
      SELECT need_id,
        SUM(${signed}) FILTER (WHERE kind = 'received') AS received,
        SUM(${signed}) FILTER (WHERE kind = 'delivered') AS delivered,
        SUM(${signed}) FILTER (WHERE kind = 'discarded') AS discarded
      FROM supply_movements
      WHERE drive_id = ${driveId}
        ${needId === undefined ? sql`` : sql`AND need_id = ${needId}`}
      GROUP BY need_id
    ), open_pledges AS (
      -- Few pledges are open at a time: each looks up what arrived for it by index.
      SELECT p.need_id, SUM(GREATEST(0, p.quantity_milli - COALESCE((
        SELECT SUM(CASE WHEN m.reverses IS NULL THEN m.quantity_milli::int ELSE -m.quantity_milli::int END)
        FROM supply_movements m
        WHERE m.pledge_id = p.id AND m.kind = 'received'), 0))) AS pledged
      FROM supply_pledges p
      WHERE p.org_id = ${orgId} AND p.drive_id = ${driveId}
        AND p.cancelled_at IS NULL AND p.expires_at > ${now.toISOString()}::timestamptz
        ${needId === undefined ? sql`` : sql`AND p.need_id = ${needId}`}
      GROUP BY p.need_id
    )
    SELECT n.id, n.item_id, i.name_es, i.name_en, i.base_unit, i.pack_name_es, i.pack_name_en,
      i.pack_size, n.variant, n.condition, n.urgent, n.needed_by::text AS needed_by, n.position,
      n.quantity_milli,
      COALESCE(mv.received, 0)::text AS received,
      COALESCE(mv.delivered, 0)::text AS delivered,
      COALESCE(mv.discarded, 0)::text AS discarded,
      COALESCE(op.pledged, 0)::text AS pledged
    FROM supply_needs n
    JOIN supply_items i ON i.org_id = n.org_id AND i.id = n.item_id
    LEFT JOIN moves mv ON mv.need_id = n.id
    LEFT JOIN open_pledges op ON op.need_id = n.id
    WHERE n.org_id = ${orgId} AND n.drive_id = ${driveId}
      ${needId === undefined ? sql`` : sql`AND n.id = ${needId}`}
    ORDER BY n.position, n.created_at, n.id`);
  return res.rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    item: { es: r.name_es, en: r.name_en },
    unit: r.base_unit,
    packName:
      r.pack_name_es || r.pack_name_en
        ? { es: r.pack_name_es ?? r.pack_name_en ?? "", en: r.pack_name_en ?? r.pack_name_es ?? "" }
        : null,
    packSize: r.pack_size === null ? null : Number(r.pack_size),
    variant: r.variant,
    condition: r.condition,
    urgent: r.urgent,
    neededBy: dateText(r.needed_by),
    position: Number(r.position),
    figures: needFigures(m(r.quantity_milli), totalsOf(r), m(r.pledged)),
  }));
}

export type PointStockRow = {
  needId: string;
  pointId: string;
  received: Milli;
  delivered: Milli;
  discarded: Milli;
};

/**
 * The ledger summed per need and drop-off point (movements with no point left out), from
 * the same index as the drive's figures: of one drive, or of every open drive of the
 * organization (low-stock warnings). Columns need_id, point_id, received, delivered,
 * discarded.
 */
export function pointSums(orgId: string, driveId: string | null): SQL {
  const sums = sql`m.need_id, m.point_id,
      COALESCE(SUM(${signed}) FILTER (WHERE kind = 'received'), 0) AS received,
      COALESCE(SUM(${signed}) FILTER (WHERE kind = 'delivered'), 0) AS delivered,
      COALESCE(SUM(${signed}) FILTER (WHERE kind = 'discarded'), 0) AS discarded`;
  // The drive is found in the organization first; its id then scopes the movements.
  const drives =
    driveId === null
      ? sql`SELECT id FROM supply_drives WHERE org_id = ${orgId} AND open`
      : sql`SELECT id FROM supply_drives WHERE org_id = ${orgId} AND id = ${driveId}`;
  return sql`
    SELECT ${sums}
    FROM (${drives}) d
    JOIN supply_movements m ON m.drive_id = d.id
    WHERE m.point_id IS NOT NULL
    GROUP BY m.need_id, m.point_id`;
}

/** Totals per need and drop-off point of one drive. */
export async function loadPointStock(
  db: Db,
  orgId: string,
  driveId: string,
): Promise<PointStockRow[]> {
  const res = await db.execute<{
    need_id: string;
    point_id: string;
    received: string;
    delivered: string;
    discarded: string;
  }>(sql`
    SELECT need_id, point_id, received::text, delivered::text, discarded::text
    FROM (${pointSums(orgId, driveId)}) s`);
  return res.rows.map((r) => ({ needId: r.need_id, pointId: r.point_id, ...totalsOf(r) }));
}
