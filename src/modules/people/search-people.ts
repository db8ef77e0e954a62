import { and, arrayContains, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { people } from "./people.schema";
import type { EngagementLevel } from "./person";
import { likePattern, type Person, searchTerms } from "./person";
import { personColumns, toPeople } from "./person-record";

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
 *
 * Plans matter here (bench/people.bench.ts): `count(*) OVER ()` over the page query let
 * the planner walk the whole (org_id, sort_name) index and filter it, because the LIMIT
 * made that look cheap; and matches cluster in sort order ("lucía" sorts together), so
 * even a plain LIMIT may scan most of the index before it finds a page. So a search
 * first collects its matches (id and sort name only, through the trigram index or one
 * pass over the table), then counts them and sorts the page from that small set. The
 * list with no search walks the sort index and counts separately.
 */
export async function searchPeople(db: Db, actor: Actor, query: PeopleQuery): Promise<PeoplePage> {
  const conditions: SQL[] = [eq(people.orgId, actor.orgId)];
  const terms = searchTerms(query.q ?? "");
  for (const term of terms) {
    conditions.push(sql`${people.searchText} LIKE ${likePattern(term)}`);
  }
  if (query.tag) conditions.push(arrayContains(people.tags, [query.tag]));
  if (query.level) conditions.push(eq(people.engagementLevel, query.level));
  const where = and(...conditions);
  const offset = (query.page - 1) * query.perPage;

  let rows: Awaited<ReturnType<typeof listPage>>;
  let total: number;
  if (terms.length > 0 || query.tag) {
    // MATERIALIZED keeps the planner from merging the matches back into an ordered scan.
    const page = sql`(WITH matches AS MATERIALIZED (
        SELECT ${people.id} AS id, ${people.sortName} AS sort_name FROM ${people} WHERE ${where})
      SELECT id, sort_name, (SELECT count(*) FROM matches) AS total FROM matches
      ORDER BY sort_name, id LIMIT ${query.perPage} OFFSET ${offset}) AS page`;
    const found = await db
      .select({ ...personColumns, total: sql<number>`page.total`.mapWith(Number) })
      .from(people)
      .innerJoin(page, sql`page.id = ${people.id}`)
      .where(eq(people.orgId, actor.orgId))
      .orderBy(sql`page.sort_name`, sql`page.id`);
    total = found[0]?.total ?? (query.page > 1 ? await db.$count(people, where) : 0);
    rows = found.map(({ total: _, ...r }) => r);
  } else {
    rows = await listPage(db, where, query.perPage, offset);
    total = await db.$count(people, where);
  }
  return {
    people: await toPeople(db, actor.orgId, rows),
    total,
    page: query.page,
    perPage: query.perPage,
  };
}

function listPage(db: Db, where: SQL | undefined, limit: number, offset: number) {
  return db
    .select(personColumns)
    .from(people)
    .where(where)
    .orderBy(asc(people.sortName), asc(people.id))
    .limit(limit)
    .offset(offset);
}

/** Tags in use, for the filter menu. */
export async function listTags(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db.execute<{ tag: string }>(
    sql`SELECT DISTINCT unnest(tags) AS tag FROM people WHERE org_id = ${actor.orgId} ORDER BY 1 LIMIT 200`,
  );
  return rows.rows.map((r) => r.tag);
}
