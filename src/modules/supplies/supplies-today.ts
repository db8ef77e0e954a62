import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dateText, pointSums, totalsOf } from "./drive-figures";
import type { BaseUnit } from "./quantity";
import { type Milli, milli } from "./quantity";
import { isLowStock, onHandOf } from "./stock";

// What needs the team today, across every open drive: pledges due (or overdue) that haven't
// arrived, and drop-off points running low on something.

export type DuePledge = {
  id: string;
  driveId: string;
  driveTitle: { es: string; en: string };
  needId: string;
  item: { es: string; en: string };
  variant: string | null;
  unit: BaseUnit;
  open: Milli;
  dueOn: string | null;
  pointId: string | null;
  pointName: string | null;
  personId: string | null;
};

export async function pledgesDue(
  db: Db,
  orgId: string,
  today: string,
  now: Date,
  limit = 200,
): Promise<DuePledge[]> {
  const res = await db.execute<{
    id: string;
    drive_id: string;
    title_es: string;
    title_en: string;
    need_id: string;
    name_es: string;
    name_en: string;
    variant: string | null;
    base_unit: BaseUnit;
    open: string;
    due_on: string | null;
    point_id: string | null;
    point_name: string | null;
    person_id: string | null;
  }>(sql`
    SELECT p.id, p.drive_id, d.title_es, d.title_en, p.need_id, i.name_es, i.name_en, n.variant,
      i.base_unit, p.due_on::text AS due_on, p.point_id, pt.name AS point_name, p.person_id,
      (p.quantity_milli - COALESCE((
        SELECT SUM(CASE WHEN m.reverses IS NULL THEN m.quantity_milli::int ELSE -m.quantity_milli::int END)
        FROM supply_movements m
        WHERE m.org_id = p.org_id AND m.pledge_id = p.id AND m.kind = 'received'), 0))::text AS open
    FROM supply_pledges p
    JOIN supply_drives d ON d.org_id = p.org_id AND d.id = p.drive_id
    JOIN supply_needs n ON n.org_id = p.org_id AND n.id = p.need_id
    JOIN supply_items i ON i.org_id = n.org_id AND i.id = n.item_id
    LEFT JOIN supply_drop_off_points pt ON pt.org_id = p.org_id AND pt.id = p.point_id
    WHERE p.org_id = ${orgId} AND p.cancelled_at IS NULL
      AND p.expires_at > ${now.toISOString()}::timestamptz
      AND (p.due_on IS NULL OR p.due_on <= ${today}::date)
      AND d.open
    ORDER BY p.due_on NULLS LAST, p.created_at
    LIMIT ${limit}`);
  return res.rows
    .map((r) => ({
      id: r.id,
      driveId: r.drive_id,
      driveTitle: { es: r.title_es, en: r.title_en },
      needId: r.need_id,
      item: { es: r.name_es, en: r.name_en },
      variant: r.variant,
      unit: r.base_unit,
      open: milli(Number(r.open)),
      dueOn: dateText(r.due_on),
      pointId: r.point_id,
      pointName: r.point_name,
      personId: r.person_id,
    }))
    .filter((p) => p.open > 0);
}

export type LowStockLine = {
  driveId: string;
  needId: string;
  item: { es: string; en: string };
  variant: string | null;
  unit: BaseUnit;
  pointId: string;
  pointName: string;
  onHand: Milli;
};

export async function lowStock(db: Db, orgId: string): Promise<LowStockLine[]> {
  const res = await db.execute<{
    drive_id: string;
    need_id: string;
    point_id: string;
    point_name: string;
    name_es: string;
    name_en: string;
    variant: string | null;
    base_unit: BaseUnit;
    needed: string;
    received: string;
    delivered: string;
    discarded: string;
  }>(sql`
    WITH at_point AS (${pointSums(orgId, null)})
    SELECT n.drive_id, a.need_id, a.point_id, pt.name AS point_name, i.name_es, i.name_en,
      n.variant, i.base_unit, n.quantity_milli::text AS needed, a.received::text AS received,
      a.delivered::text AS delivered, a.discarded::text AS discarded
    FROM at_point a
    JOIN supply_needs n ON n.org_id = ${orgId} AND n.id = a.need_id
    JOIN supply_drives d ON d.org_id = n.org_id AND d.id = n.drive_id AND d.open
    JOIN supply_items i ON i.org_id = n.org_id AND i.id = n.item_id
    JOIN supply_drop_off_points pt ON pt.org_id = n.org_id AND pt.id = a.point_id AND pt.active`);
  return res.rows
    .map((r) => {
      const totals = totalsOf(r);
      return { row: r, totals, low: isLowStock(milli(Number(r.needed)), totals) };
    })
    .filter((x) => x.low)
    .map(({ row: r, totals }) => ({
      driveId: r.drive_id,
      needId: r.need_id,
      item: { es: r.name_es, en: r.name_en },
      variant: r.variant,
      unit: r.base_unit,
      pointId: r.point_id,
      pointName: r.point_name,
      onHand: onHandOf(totals),
    }))
    .sort((a, b) => a.onHand - b.onHand);
}
