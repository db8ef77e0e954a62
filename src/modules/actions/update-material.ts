import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { actionMaterials } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople, requireTouched } from "./plan-guards";
import { MaterialChangeSchema } from "./plan-input";
import "./actions.events";

/**
 * Sets who brings a material and how far it got (needed, assigned, packed, brought).
 * Naming a bringer on a "needed" item makes it "assigned"; removing the bringer, "needed".
 */
export async function updateMaterial(
  deps: Deps,
  actor: Actor,
  eventId: string,
  materialId: string,
  input: unknown,
) {
  if (!isUuid(materialId)) throw notFound();
  const change = parseOrThrow(MaterialChangeSchema, input);
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await requireOwnPeople(op.tx, actor.orgId, { bringerPersonId: change.bringerPersonId });
    const where = and(
      eq(actionMaterials.orgId, actor.orgId),
      eq(actionMaterials.eventId, event.id),
      eq(actionMaterials.id, materialId.toLowerCase()),
    );
    const [current] = await op.tx.select().from(actionMaterials).where(where);
    if (!current) throw notFound();
    let status = change.status ?? current.status;
    if (!change.status && change.bringerPersonId && status === "needed") status = "assigned";
    if (!change.bringerPersonId && status === "assigned") status = "needed";
    const updated = await op.tx
      .update(actionMaterials)
      .set({ bringerPersonId: change.bringerPersonId, status, updatedAt: new Date() })
      .where(where)
      .returning({ id: actionMaterials.id });
    requireTouched(updated);
    await op.audit(
      "action.material_changed",
      { type: "action", id: event.id },
      { materialId, status },
    );
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
    return { id: current.id, bringerPersonId: change.bringerPersonId, status };
  });
}
