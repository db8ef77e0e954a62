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

export type PeoplePage = {
  people: Person[];
  /** How many match: exact up to EXACT_COUNT_LIMIT, above it the planner's estimate. */
  total: number;
  /** True when `total` is an estimate (more than EXACT_COUNT_LIMIT match). */
  totalIsEstimate: boolean;
  page: number;
  perPage: number;
};

/**
 * Up to this many matches, the count is exact (and the page is sorted from the matches
 * themselves); above it, counting every match is the cost of a search (at a million people,
 * a search that matches 80% of them spent ~0.5 s counting), so the total is the planner's
 * estimate, flagged `totalIsEstimate`, and the page comes from a walk of the sort index.
 */
export const EXACT_COUNT_LIMIT = 20_000;

/**
 * Accent-insensitive search over names, emails and phone digits: every term must
 * appear in the folded search text (a trigram index serves the LIKE).
 *
 * Plans matter here (bench/people.bench.ts): `count(*) OVER ()` over the page query let
 * the planner walk the whole (org_id, sort_name) index and filter it, because the LIMIT
 * made that look cheap; and matches cluster in sort order ("lucía" sorts together), so
 * even a plain LIMIT may scan most of the index before it finds a page. So a search
 * first collects its matches (id and sort name only, through the trigram index or one
 * pass over the table), at most EXACT_COUNT_LIMIT + 1 of them, then counts them and sorts
 * the page from that small set. When there are more, the total is the planner's estimate;
 * the page is sorted from all the matches, or, when they are more than a tenth of everyone,
 * comes from a walk of the sort index (dense matches are met early, clustered or not).
 * The list with no search walks the sort index and counts the same capped way.
 */
export async function searchPeople(
  db: Db,
  actor: Actor,
  query: PeopleQuery,
  options: { exactCountLimit?: number } = {},
): Promise<PeoplePage> {
  const conditions: SQL[] = [eq(people.orgId, actor.orgId)];
  const terms = searchTerms(query.q ?? "");
  for (const term of terms) {
    conditions.push(sql`${people.searchText} LIKE ${likePattern(term)}`);
  }
  if (query.tag) conditions.push(arrayContains(people.tags, [query.tag]));
  if (query.level) conditions.push(eq(people.engagementLevel, query.level));
  const where = and(...conditions) as SQL;
  const offset = (query.page - 1) * query.perPage;
  const cap = options.exactCountLimit ?? EXACT_COUNT_LIMIT;

  let rows: Awaited<ReturnType<typeof listPage>> | undefined;
  let total: number;
  if (terms.length > 0 || query.tag) {
    // MATERIALIZED keeps the planner from merging the matches back into an ordered scan.
    const page = sql`(WITH matches AS MATERIALIZED (
        SELECT ${people.id} AS id, ${people.sortName} AS sort_name FROM ${people} WHERE ${where}
        LIMIT ${cap + 1})
      SELECT id, sort_name, (SELECT count(*) FROM matches) AS total FROM matches
      ORDER BY sort_name, id LIMIT ${query.perPage} OFFSET ${offset}) AS page`;
    const found = await db
      .select({ ...personColumns, total: sql<number>`page.total`.mapWith(Number) })
      .from(people)
      .innerJoin(page, sql`page.id = ${people.id}`)
      .where(eq(people.orgId, actor.orgId))
      .orderBy(sql`page.sort_name`, sql`page.id`);
    total = found[0]?.total ?? (query.page > 1 ? await cappedCount(db, where, cap) : 0);
    if (total <= cap) rows = found.map(({ total: _, ...r }) => r);
  } else {
    total = await cappedCount(db, where, cap);
  }
  const totalIsEstimate = total > cap;
  if (totalIsEstimate) {
    total = Math.max(cap + 1, await estimatedCount(db, where));
    // Matches of one given name sort together: walking the sort index to them reads most of
    // the table (11 s at a million people). Unless the matches are a large part of
    // everyone (then the walk meets them early), sort them instead.
    const everyone = await estimatedCount(db, eq(people.orgId, actor.orgId));
    if (terms.length > 0 && total < everyone * DENSE_SHARE) {
      rows = await sortedPage(db, where, query.perPage, offset);
    }
  }
  rows ??= await listPage(db, where, query.perPage, offset);
  return {
    people: await toPeople(db, actor.orgId, rows),
    total,
    totalIsEstimate,
    page: query.page,
    perPage: query.perPage,
  };
}

/** count(*) of the matches, stopping at cap + 1. */
async function cappedCount(db: Db, where: SQL, cap: number): Promise<number> {
  const result = await db.execute<{ n: number | string }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${people} WHERE ${where} LIMIT ${cap + 1}) AS capped`,
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** The planner's estimate of how many rows match (EXPLAIN, nothing is read). */
async function estimatedCount(db: Db, where: SQL): Promise<number> {
  const result = await db.execute<Record<string, unknown>>(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${people} WHERE ${where}`,
  );
  const cell = Object.values(result.rows[0] ?? {})[0];
  const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as
    | [{ Plan?: { "Plan Rows"?: number } }]
    | undefined;
  return Math.round(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/** The share of everyone above which a broad search walks the sort index for its page. */
const DENSE_SHARE = 0.1;

/** A page of the matches sorted apart (no count): for broad searches that are not dense. */
async function sortedPage(db: Db, where: SQL, limit: number, offset: number) {
  const page = sql`(WITH matches AS MATERIALIZED (
      SELECT ${people.id} AS id, ${people.sortName} AS sort_name FROM ${people} WHERE ${where})
    SELECT id, sort_name FROM matches ORDER BY sort_name, id LIMIT ${limit} OFFSET ${offset}) AS page`;
  return db
    .select(personColumns)
    .from(people)
    .innerJoin(page, sql`page.id = ${people.id}`)
    .orderBy(sql`page.sort_name`, sql`page.id`);
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
