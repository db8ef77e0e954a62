import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { signed, totalsOf } from "./drive-figures";
import { toMovement } from "./movement-record";
import { type Movement, type StockState, stockFromSums } from "./stock";
import { supplyMovements } from "./supplies.schema";

// What recording or reversing a movement checks, without loading the need's whole ledger:
// the need's sums per drop-off point (index-only, supply_movements_sums_idx) and, for a
// reversal, the movement reversed and any reversal of it (decision 096).

type Target = typeof supplyMovements.$inferSelect;

export async function needStock(
  tx: Db,
  orgId: string,
  driveId: string,
  needId: string,
  target?: Target,
): Promise<StockState> {
  // The drive and need were found in the organization (and locked) by the caller.
  const res = await tx.execute<{
    point_id: string | null;
    received: string;
    delivered: string;
    discarded: string;
  }>(sql`
    SELECT point_id,
      COALESCE(SUM(${signed}) FILTER (WHERE kind = 'received'), 0)::text AS received,
      COALESCE(SUM(${signed}) FILTER (WHERE kind = 'delivered'), 0)::text AS delivered,
      COALESCE(SUM(${signed}) FILTER (WHERE kind = 'discarded'), 0)::text AS discarded
    FROM supply_movements
    WHERE drive_id = ${driveId} AND need_id = ${needId}
    GROUP BY point_id`);
  const known: Movement[] = [];
  if (target) {
    known.push(toMovement(target));
    const reversals = await tx
      .select()
      .from(supplyMovements)
      .where(and(eq(supplyMovements.orgId, orgId), eq(supplyMovements.reverses, target.id)));
    known.push(...reversals.map(toMovement));
  }
  return stockFromSums(
    needId,
    res.rows.map((r) => ({ pointId: r.point_id, ...totalsOf(r) })),
    known,
  );
}
