import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ofDrive } from "./drive-record";
import { type Milli, milli } from "./quantity";
import type { Movement } from "./stock";
import { type MovementMethod, supplyMovements, supplyNeeds } from "./supplies.schema";

// Reading the ledger: one need's movements (a full recount), a drive's latest ones.

type Row = typeof supplyMovements.$inferSelect;

export function toMovement(r: Row): Movement {
  return {
    id: r.id,
    needId: r.needId,
    pointId: r.pointId,
    kind: r.kind,
    quantity: milli(r.quantityMilli),
    reverses: r.reverses,
    pledgeId: r.pledgeId,
  };
}

/** The drive's movements (of this organization) that also meet `where`. */
export const driveMovements = (db: Db, orgId: string, driveId: string, ...where: SQL[]) =>
  db
    .select()
    .from(supplyMovements)
    .where(ofDrive(supplyMovements, orgId, driveId, ...where));

/** Locks the need row (writers to one need go one after the other) and returns it. */
export async function lockNeed(tx: Db, orgId: string, driveId: string, needId: string) {
  const [need] = await tx
    .select()
    .from(supplyNeeds)
    .where(ofDrive(supplyNeeds, orgId, driveId, eq(supplyNeeds.id, needId)))
    .for("update");
  return need ?? null;
}

/** Every movement of one need (found by its drive and need: supply_movements_sums_idx). */
export async function needMovements(
  db: Db,
  orgId: string,
  driveId: string,
  needId: string,
): Promise<Movement[]> {
  const rows = await driveMovements(db, orgId, driveId, eq(supplyMovements.needId, needId));
  return rows.map(toMovement);
}

export type MovementLine = Movement & {
  method: MovementMethod | null;
  occurredAt: Date;
  reversedBy: string | null;
};

export async function latestMovements(
  db: Db,
  orgId: string,
  driveId: string,
  limit = 20,
): Promise<MovementLine[]> {
  const rows = await driveMovements(db, orgId, driveId)
    .orderBy(desc(supplyMovements.createdAt), desc(supplyMovements.id))
    .limit(limit);
  return withReversals(db, orgId, rows);
}

/** One movement of a drive, or null. */
export async function getMovementLine(
  db: Db,
  orgId: string,
  driveId: string,
  id: string,
): Promise<MovementLine | null> {
  const rows = await driveMovements(db, orgId, driveId, eq(supplyMovements.id, id));
  return (await withReversals(db, orgId, rows))[0] ?? null;
}

/** Which of these rows were reversed, and by which row (found by the unique `reverses`). */
async function withReversals(db: Db, orgId: string, rows: Row[]): Promise<MovementLine[]> {
  const reversed = new Map<string, string>();
  const ids = rows.filter((r) => !r.reverses).map((r) => r.id);
  if (ids.length > 0) {
    const reversals = await db
      .select({ id: supplyMovements.id, reverses: supplyMovements.reverses })
      .from(supplyMovements)
      .where(and(eq(supplyMovements.orgId, orgId), inArray(supplyMovements.reverses, ids)));
    for (const r of reversals) if (r.reverses) reversed.set(r.reverses, r.id);
  }
  return rows.map((r) => ({
    ...toMovement(r),
    method: r.method,
    occurredAt: r.occurredAt,
    reversedBy: reversed.get(r.id) ?? null,
  }));
}

export const quantityOf = (m: { quantity: Milli }) => m.quantity;
