import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, invalid, notFound } from "../../platform/errors";
import { type MovementFields, methodFits, quantityFor } from "./drive";
import { changeDrive } from "./drive-change";
import { getDrivePoint } from "./drive-record";
import { getItem } from "./item-record";
import { lockNeed } from "./movement-record";
import { needStock } from "./need-stock";
import type { Milli } from "./quantity";
import { decideMovement, type StockError } from "./stock";
import { supplyMovements, supplyPledges } from "./supplies.schema";

export type RecordedMovement = {
  id: string;
  needId: string;
  kind: MovementFields["kind"];
  quantity: Milli;
};

/** Writes one movement of the drive (the ledger only grows), recorded by the actor. */
export async function insertMovement(
  tx: Db,
  actor: Actor,
  driveId: string,
  movement: Omit<typeof supplyMovements.$inferInsert, "orgId" | "driveId" | "recordedBy">,
): Promise<void> {
  await tx
    .insert(supplyMovements)
    .values({ ...movement, orgId: actor.orgId, driveId, recordedBy: actor.userId });
}

/** What the ledger refused, as the error every caller (page, API) answers with. */
export function stockRefusal(error: StockError): AppError {
  switch (error.code) {
    case "not_enough_stock":
      return new AppError("not_enough_stock", { quantity: "more_than_on_hand" });
    case "already_reversed":
      return new AppError("already_reversed");
    case "reversal_not_reversible":
      return new AppError("not_reversible");
    case "movement_not_found":
      return new AppError("not_found");
    case "quantity_not_positive":
      return invalid({ quantity: "quantity_not_positive" });
    case "duplicate_id":
      return new AppError("conflict");
  }
}

/**
 * Goods received at a drop-off point, delivered to the people the drive serves, or
 * discarded. Nothing can leave that never came in: the need row is locked and the
 * movement checked against its ledger's sums (for the need and at the point) first.
 */
export async function recordMovement(
  deps: Deps,
  actor: Actor,
  driveId: string,
  input: MovementFields,
): Promise<RecordedMovement> {
  if (!methodFits(input.kind, input.method)) throw invalid({ method: "invalid_choice" });
  return changeDrive(deps, actor, driveId, async (op, drive) => {
    const need = await lockNeed(op.tx, actor.orgId, drive.id, input.needId);
    if (!need) throw notFound();
    const item = await getItem(op.tx, actor.orgId, need.itemId);
    if (!item) throw notFound();
    const quantity = quantityFor(input.quantity, item.unit);
    if (!quantity.ok) throw invalid({ quantity: quantity.error });
    if (input.pointId && !(await getDrivePoint(op.tx, actor.orgId, drive.id, input.pointId))) {
      throw invalid({ pointId: "invalid_choice" });
    }
    if (input.pledgeId) {
      if (input.kind !== "received") throw invalid({ pledgeId: "invalid_choice" });
      const [pledge] = await op.tx
        .select({ id: supplyPledges.id })
        .from(supplyPledges)
        .where(
          and(
            eq(supplyPledges.orgId, actor.orgId),
            eq(supplyPledges.needId, need.id),
            eq(supplyPledges.id, input.pledgeId),
          ),
        );
      if (!pledge) throw invalid({ pledgeId: "invalid_choice" });
    }
    const state = await needStock(op.tx, actor.orgId, drive.id, need.id);
    const id = randomUUID();
    const decision = decideMovement(state, {
      op: "record",
      movement: {
        id,
        needId: need.id,
        pointId: input.pointId,
        kind: input.kind,
        quantity: quantity.value,
        pledgeId: input.pledgeId,
      },
    });
    if (!decision.ok) throw stockRefusal(decision.error);
    await insertMovement(op.tx, actor, drive.id, {
      id,
      needId: need.id,
      pointId: input.pointId,
      kind: input.kind,
      quantityMilli: quantity.value,
      pledgeId: input.pledgeId,
      method: input.method,
    });
    await op.audit(
      `supply_movement.${input.kind}`,
      { type: "supply_movement", id },
      {
        drive_id: drive.id,
        need_id: need.id,
        quantity_milli: quantity.value,
      },
    );
    return { id, needId: need.id, kind: input.kind, quantity: quantity.value };
  });
}
