import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { actionMaterials } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";
import { MaterialInputSchema } from "./plan-input";
import "./actions.events";

/** Something to bring ("megaphone", 2). With a bringer it starts as "assigned". */
export async function addMaterial(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const material = parseOrThrow(MaterialInputSchema, input);
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await requireOwnPeople(op.tx, actor.orgId, { bringerPersonId: material.bringerPersonId });
    const status = material.bringerPersonId ? ("assigned" as const) : ("needed" as const);
    const [row] = await op.tx
      .insert(actionMaterials)
      .values({ orgId: actor.orgId, eventId: event.id, ...material, status })
      .returning({ id: actionMaterials.id });
    if (!row) throw new Error("material insert returned nothing");
    await op.audit(
      "action.material_added",
      { type: "action", id: event.id },
      { materialId: row.id },
    );
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
    return { id: row.id, eventId: event.id, ...material, status };
  });
}
