import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Bilingual } from "./drive-record";
import type { BaseUnit } from "./quantity";
import { type Milli, milli } from "./quantity";
import { type NeedFigures, needFigures } from "./stock";
import type { Condition } from "./supplies.schema";

// A drive's needs with their figures, computed by one SQL query from the ledger's sums per
// need and drop-off point (supply_stock_sums, kept by a trigger on every movement, migration
// 0073) and the open pledges: the same arithmetic as stock.ts `recount`, which the tests hold
// this to against a full recount of the movements. No render groups a drive's whole ledger.

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
      -- The ledger's sums per need and drop-off point, kept by the database on every insert
      -- (migration 0073): a few rows per need instead of the drive's whole ledger.
      SELECT need_id, SUM(received_milli) AS received, SUM(delivered_milli) AS delivered,
        SUM(discarded_milli) AS discarded
      FROM supply_stock_sums
      WHERE org_id = ${orgId} AND drive_id = ${driveId}
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
    figures: needFigures(
      m(r.quantity_milli),
      { received: m(r.received), delivered: m(r.delivered), discarded: m(r.discarded) },
      m(r.pledged),
    ),
  }));
}

export type PointStockRow = {
  needId: string;
  pointId: string;
  received: Milli;
  delivered: Milli;
  discarded: Milli;
};

/** Totals per need and drop-off point, for low-stock warnings and the receiving screen. */
export async function loadPointStock(
  db: Db,
  orgId: string,
  driveId: string | null,
): Promise<PointStockRow[]> {
  const drive = driveId === null ? sql`` : sql`AND drive_id = ${driveId}`;
  const res = await db.execute<{
    need_id: string;
    point_id: string;
    received: string;
    delivered: string;
    discarded: string;
  }>(sql`
    SELECT need_id, point_id, received_milli::text AS received,
      delivered_milli::text AS delivered, discarded_milli::text AS discarded
    FROM supply_stock_sums
    WHERE org_id = ${orgId} AND point_id IS NOT NULL ${drive}`);
  return res.rows.map((r) => ({
    needId: r.need_id,
    pointId: r.point_id,
    received: m(r.received),
    delivered: m(r.delivered),
    discarded: m(r.discarded),
  }));
}
