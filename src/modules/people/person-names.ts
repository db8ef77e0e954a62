import { and, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRows } from "../../db/columns";
import { holdsEvery } from "../../platform/text-search";
import { people } from "./people.schema";
import { searchTerms } from "./person";

// For other modules that show people by name (cases, family contacts) without
// reading the people table themselves. Ids of another organization are left out.
export async function getPersonNames(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, displayName: people.displayName })
    .from(people)
    .where(ownRows(people, orgId, unique));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/**
 * For one statement of another module (a check-in): the person `personId` if it is one of
 * organization `orgId`'s people, as a subquery of one column `id` (no row otherwise). The
 * values may be placeholders of a statement built once (db/prepared.ts `sqlOnce`).
 */
export function ownPersonQuery(orgId: string | Placeholder, personId: string | Placeholder): SQL {
  return sql`SELECT ${people.id} FROM ${people} WHERE ${people.orgId} = ${orgId} AND ${people.id} = ${personId}`;
}

/** Ids of the people whose names, emails or phone digits match every term of `q`. */
export async function findPersonIds(
  db: Db,
  orgId: string,
  q: string,
  limit = 500,
): Promise<string[]> {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), ...holdsEvery(people.searchText, terms)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * The same match as findPersonIds, as a subquery (`SELECT id FROM people WHERE …`) for
 * another module's WHERE (`person_id IN (…)`): the database joins it, no ids pass through
 * Node and none are cut off at a limit. Null when `q` has no terms.
 */
export function personIdsMatching(orgId: string, q: string): SQL | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  const likes = holdsEvery(people.searchText, terms);
  return sql`(SELECT ${people.id} FROM ${people} WHERE ${people.orgId} = ${orgId} AND ${and(...likes)})`;
}
