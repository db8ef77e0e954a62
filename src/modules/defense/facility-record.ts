import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow, ownRows } from "../../db/columns";
import { notFound } from "../../platform/errors";
import { holdsEvery } from "../../platform/text-search";
import { searchTerms } from "../people/person";
import { facilities } from "./defense.schema";
import type { Facility } from "./facility";

const columns = {
  id: facilities.id,
  name: facilities.name,
  address: facilities.address,
  phones: facilities.phones,
  visitingHours: facilities.visitingHours,
  notes: facilities.notes,
  createdAt: facilities.createdAt,
  updatedAt: facilities.updatedAt,
};

/** `getX` returns null: an unknown id and another organization's look the same. */
export async function getFacility(db: Db, orgId: string, id: string): Promise<Facility | null> {
  const [row] = await db
    .select(columns)
    .from(facilities)
    .where(ownRow(facilities, orgId, id));
  return row ?? null;
}

/** Accent-insensitive search over names and addresses, alphabetical. */
export async function searchFacilities(
  db: Db,
  orgId: string,
  q: string,
  limit = 200,
): Promise<Facility[]> {
  const conditions = [
    eq(facilities.orgId, orgId),
    ...holdsEvery(facilities.searchText, searchTerms(q)),
  ];
  return db
    .select(columns)
    .from(facilities)
    .where(and(...conditions))
    .orderBy(asc(facilities.name), asc(facilities.id))
    .limit(limit);
}

/** Names by id, for lists and the timeline; ids of another organization are left out. */
export async function facilityNames(
  db: Db,
  orgId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: facilities.id, name: facilities.name })
    .from(facilities)
    .where(ownRows(facilities, orgId, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 404 when a facility id is not one of this organization's (as any other unknown id). */
export async function requireOwnFacilities(
  db: Db,
  orgId: string,
  ids: readonly (string | null | undefined)[],
): Promise<void> {
  const wanted = ids.filter((v): v is string => !!v);
  const known = await facilityNames(db, orgId, wanted);
  if (wanted.some((id) => !known.has(id))) throw notFound();
}
