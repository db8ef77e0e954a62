import { and, arrayContains, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { type EngagementLevel, people } from "../../src/modules/people/people.schema";
import { likePattern, type Person, searchTerms } from "../../src/modules/people/person";
import { personColumns, toPeople } from "../../src/modules/people/person-record";
import type { Actor } from "../../src/platform/actor";

export type PeopleQuery = {
  q?: string;
  tag?: string;
  level?: EngagementLevel;
  page: number;
  perPage: number;
};

export type PeoplePage = { people: Person[]; total: number; page: number; perPage: number };

/**
 * Accent-insensitive search over names, emails and phone digits: every term must
 * appear in the folded search text (a trigram index serves the LIKE).
 */
export async function searchPeople(db: Db, actor: Actor, query: PeopleQuery): Promise<PeoplePage> {
  const conditions: SQL[] = [eq(people.orgId, actor.orgId)];
  for (const term of searchTerms(query.q ?? "")) {
    conditions.push(sql`${people.searchText} LIKE ${likePattern(term)}`);
  }
  if (query.tag) conditions.push(arrayContains(people.tags, [query.tag]));
  if (query.level) conditions.push(eq(people.engagementLevel, query.level));
  const rows = await db
    .select({ ...personColumns, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(people)
    .where(and(...conditions))
    .orderBy(asc(people.sortName), asc(people.id))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);
  const total = rows[0]?.total ?? (query.page > 1 ? await countOnly(db, conditions) : 0);
  return {
    people: await toPeople(
      db,
      actor.orgId,
      rows.map(({ total: _, ...r }) => r),
    ),
    total,
    page: query.page,
    perPage: query.perPage,
  };
}

async function countOnly(db: Db, conditions: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(people)
    .where(and(...conditions));
  return row?.n ?? 0;
}

/** Tags in use, for the filter menu. */
export async function listTags(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db.execute<{ tag: string }>(
    sql`SELECT DISTINCT unnest(tags) AS tag FROM people WHERE org_id = ${actor.orgId} ORDER BY 1 LIMIT 200`,
  );
  return rows.rows.map((r) => r.tag);
}
