import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { changeDrive } from "./drive-change";
import { driveMovements, lockNeed } from "./movement-record";
import { needStock } from "./need-stock";
import { insertMovement, stockRefusal } from "./record-movement";
import { decideMovement } from "./stock";
import { supplyMovements } from "./supplies.schema";

/** Corrects a movement by recording its reverse; the original is never edited or deleted. */
export async function reverseMovement(
  deps: Deps,
  actor: Actor,
  driveId: string,
  movementId: string,
): Promise<{ id: string }> {
  return changeDrive(deps, actor, driveId, async (op, drive) => {
    const [target] = await driveMovements(
      op.tx,
      actor.orgId,
      drive.id,
      eq(supplyMovements.id, movementId),
    );
    if (!target) throw notFound();
    const need = await lockNeed(op.tx, actor.orgId, drive.id, target.needId);
    if (!need) throw notFound();
    const state = await needStock(op.tx, actor.orgId, drive.id, need.id, target);
    const id = randomUUID();
    const decision = decideMovement(state, { op: "reverse", id, target: target.id });
    if (!decision.ok) throw stockRefusal(decision.error);
    await insertMovement(op.tx, actor, drive.id, {
      id,
      needId: need.id,
      pointId: target.pointId,
      kind: target.kind,
      quantityMilli: target.quantityMilli,
      reverses: target.id,
      pledgeId: target.pledgeId,
      method: target.method,
    });
    await op.audit(
      "supply_movement.reversed",
      { type: "supply_movement", id },
      { reverses: target.id, drive_id: drive.id },
    );
    return { id };
  });
}
