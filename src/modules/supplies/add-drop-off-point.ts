import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, notFound } from "../../platform/errors";
import { LIMITS } from "./drive";
import { changeDrive } from "./drive-change";
import { ofDrive } from "./drive-record";
import { checkHours } from "./hours";
import { type ReceivingHours, supplyDropOffPoints } from "./supplies.schema";

export type PointFields = { name: string; address: string | null; hours: ReceivingHours[] };

export async function addDropOffPoint(
  deps: Deps,
  actor: Actor,
  driveId: string,
  input: PointFields,
): Promise<{ id: string }> {
  const name = input.name.trim();
  const address = input.address?.trim() || null;
  const fields: Record<string, "required" | "too_long" | "invalid"> = {};
  if (!name) fields.name = "required";
  else if (name.length > LIMITS.pointName) fields.name = "too_long";
  if (address && address.length > LIMITS.address) fields.address = "too_long";
  const hours = checkHours(input.hours);
  if (!hours.ok) fields.hours = "invalid";
  if (Object.keys(fields).length > 0 || !hours.ok) throw invalid(fields);
  return changeDrive(deps, actor, driveId, async (op, drive) => {
    const id = randomUUID();
    const existing = await op.tx
      .select({ id: supplyDropOffPoints.id })
      .from(supplyDropOffPoints)
      .where(ofDrive(supplyDropOffPoints, actor.orgId, drive.id));
    await op.tx.insert(supplyDropOffPoints).values({
      id,
      orgId: actor.orgId,
      driveId: drive.id,
      name,
      address,
      hours: hours.hours,
      position: existing.length,
    });
    await op.audit(
      "supply_point.added",
      { type: "supply_drop_off_point", id },
      { drive_id: drive.id },
    );
    return { id };
  });
}

/** Opens or closes a drop-off point; a closed one takes no pledges and leaves the public page. */
export async function setPointActive(
  deps: Deps,
  actor: Actor,
  driveId: string,
  pointId: string,
  active: boolean,
): Promise<void> {
  await changeDrive(deps, actor, driveId, async (op, drive) => {
    const updated = await op.tx
      .update(supplyDropOffPoints)
      .set({ active, updatedAt: new Date() })
      .where(
        ofDrive(supplyDropOffPoints, actor.orgId, drive.id, eq(supplyDropOffPoints.id, pointId)),
      )
      .returning({ id: supplyDropOffPoints.id });
    if (updated.length === 0) throw notFound();
    await op.audit(
      "supply_point.updated",
      { type: "supply_drop_off_point", id: pointId },
      { active },
    );
  });
}
