import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { invalid } from "../../platform/errors";
import { type NeedFields, quantityFor } from "./drive";
import { changeDrive } from "./drive-change";
import { ofDrive } from "./drive-record";
import { findOrCreateItem, getItem } from "./item-record";
import { supplyNeeds } from "./supplies.schema";

/** Adds what a drive needs: an item from the catalog (or a new one), how many, how urgently. */
export async function addNeed(
  deps: Deps,
  actor: Actor,
  driveId: string,
  input: NeedFields,
): Promise<{ id: string }> {
  return changeDrive(deps, actor, driveId, async (op, drive) => {
    let item: Awaited<ReturnType<typeof getItem>>;
    if (input.itemId) {
      item = await getItem(op.tx, actor.orgId, input.itemId);
      if (!item) throw invalid({ itemId: "invalid_choice" });
    } else if (input.item) {
      const found = await findOrCreateItem(op.tx, actor.orgId, {
        name: input.item,
        unit: input.unit ?? "piece",
        packName: { es: "", en: "" },
        packSize: null,
      });
      item = found.item;
    } else {
      throw invalid({ item: "required" });
    }
    const quantity = quantityFor(input.quantity, item.unit);
    if (!quantity.ok) throw invalid({ quantity: quantity.error });
    const id = randomUUID();
    const [last] = await op.tx
      .select({ max: sql<number>`COALESCE(MAX(${supplyNeeds.position}), -1)::int` })
      .from(supplyNeeds)
      .where(ofDrive(supplyNeeds, actor.orgId, drive.id));
    await op.tx.insert(supplyNeeds).values({
      id,
      orgId: actor.orgId,
      driveId: drive.id,
      itemId: item.id,
      variant: input.variant,
      condition: input.condition,
      quantityMilli: quantity.value,
      urgent: input.urgent,
      neededBy: input.neededBy,
      position: Number(last?.max ?? -1) + 1,
    });
    await op.audit(
      "supply_need.added",
      { type: "supply_need", id },
      { drive_id: drive.id, item_id: item.id },
    );
    return { id };
  });
}
