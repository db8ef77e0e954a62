import { sql } from "drizzle-orm";
import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { milli, toUnits } from "./quantity";
import { type RecordedMovement, recordMovement } from "./record-movement";
import { supplyPledges } from "./supplies.schema";

/**
 * "It arrived": receives what is still open on a pledge, at the pledge's drop-off point,
 * linked to it (so it stops counting as pledged and counts as received instead).
 */
export async function receivePledge(
  deps: Deps,
  actor: Actor,
  pledgeId: string,
): Promise<RecordedMovement> {
  const [pledge] = await deps.db
    .select()
    .from(supplyPledges)
    .where(ownRow(supplyPledges, actor.orgId, pledgeId));
  if (!pledge || pledge.cancelledAt) throw notFound();
  const res = await deps.db.execute<{ got: string }>(sql`
    SELECT COALESCE(SUM(CASE WHEN reverses IS NULL THEN quantity_milli::int ELSE -quantity_milli::int END), 0)::text AS got
    FROM supply_movements
    WHERE org_id = ${actor.orgId} AND pledge_id = ${pledge.id} AND kind = 'received'`);
  const open = pledge.quantityMilli - Number(res.rows[0]?.got ?? 0);
  if (open <= 0) throw new AppError("conflict");
  return recordMovement(deps, actor, pledge.driveId, {
    needId: pledge.needId,
    kind: "received",
    quantity: toUnits(milli(open)),
    pointId: pledge.pointId,
    pledgeId: pledge.id,
    method: null,
  });
}
