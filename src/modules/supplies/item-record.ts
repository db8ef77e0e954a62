import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import { fold } from "../../platform/text";
import { holds } from "../../platform/text-search";
import type { ItemFields } from "./drive";
import type { BaseUnit } from "./quantity";
import { supplyItems } from "./supplies.schema";

// The reusable catalog. An item is found again by its folded Spanish name and unit, so
// "Pañales talla 3" typed twice (or "panales talla 3") is one item across drives.

export type Item = { id: string; name: { es: string; en: string }; unit: BaseUnit };

export const itemKey = (nameEs: string) => fold(nameEs).replace(/\s+/g, " ").trim();

export async function getItem(db: Db, orgId: string, id: string): Promise<Item | null> {
  const [r] = await db
    .select()
    .from(supplyItems)
    .where(ownRow(supplyItems, orgId, id));
  return r ? { id: r.id, name: { es: r.nameEs, en: r.nameEn }, unit: r.baseUnit } : null;
}

/** The catalog item with this name and unit, created if there is none (inside `tx`). */
export async function findOrCreateItem(
  tx: Db,
  orgId: string,
  input: ItemFields,
): Promise<{ item: Item; created: boolean }> {
  const key = itemKey(input.name.es);
  const id = randomUUID();
  const inserted = await tx
    .insert(supplyItems)
    .values({
      id,
      orgId,
      nameEs: input.name.es,
      nameEn: input.name.en || input.name.es,
      baseUnit: input.unit,
      packNameEs: input.packName.es || null,
      packNameEn: input.packName.en || null,
      packSize: input.packSize,
      nameKey: key,
      searchText: fold(`${input.name.es} ${input.name.en}`),
    })
    .onConflictDoNothing()
    .returning({ id: supplyItems.id });
  if (inserted.length > 0) {
    return {
      item: {
        id,
        name: { es: input.name.es, en: input.name.en || input.name.es },
        unit: input.unit,
      },
      created: true,
    };
  }
  const [r] = await tx
    .select()
    .from(supplyItems)
    .where(
      and(
        eq(supplyItems.orgId, orgId),
        eq(supplyItems.nameKey, key),
        eq(supplyItems.baseUnit, input.unit),
      ),
    );
  if (!r) throw new Error("catalog item vanished");
  return {
    item: { id: r.id, name: { es: r.nameEs, en: r.nameEn }, unit: r.baseUnit },
    created: false,
  };
}

export async function searchItems(db: Db, orgId: string, q: string, limit = 20): Promise<Item[]> {
  const term = fold(q).trim();
  const rows = await db
    .select()
    .from(supplyItems)
    .where(
      term
        ? and(eq(supplyItems.orgId, orgId), holds(supplyItems.searchText, term))
        : eq(supplyItems.orgId, orgId),
    )
    .orderBy(supplyItems.nameKey)
    .limit(limit);
  return rows.map((r) => ({ id: r.id, name: { es: r.nameEs, en: r.nameEn }, unit: r.baseUnit }));
}
