import type { Actor, Deps } from "../../platform/actor";
import { addPlanItem } from "./add-plan-item";
import { parseOrThrow } from "./plan-guards";
import { MaterialInputSchema } from "./plan-input";

/** Something to bring ("megaphone", 2). With a bringer it starts as "assigned". */
export async function addMaterial(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const material = parseOrThrow(MaterialInputSchema, input);
  const status = material.bringerPersonId ? ("assigned" as const) : ("needed" as const);
  return addPlanItem(deps, actor, eventId, {
    kind: "material",
    people: { bringerPersonId: material.bringerPersonId },
    values: { ...material, status },
    detail: (materialId) => ({ materialId }),
  });
}
