import { and, arrayContains, asc, eq, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { holdsEvery } from "../../platform/text-search";
import { people } from "./people.schema";
import type { EngagementLevel } from "./person";
import { type Person, searchTerms } from "./person";
import { personColumns, toPeople } from "./person-record";
import { searchByWords } from "./search-by-words";

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
 * themselves); above it, the total is the planner's estimate, flagged `totalIsEstimate`.
 * Counting is visiting each match: at a million people, counting up to 20,000 (the limit
 * of decision 091) was most of the time of a broad search; 2,000 keeps it to a few ms.
 */
export const EXACT_COUNT_LIMIT = 2_000;

/**
 * Accent-insensitive search over names, emails and phone digits: every term must
 * appear in the folded search text. Terms the words index answers exactly are read from
 * it in name order (search-by-words.ts, decision 110); the rest, and searches with a tag
 * or level, take the trigram path below.
 *
 * Plans matter here (bench/people.bench.ts): `count(*) OVER ()` over the page query let
 * the planner walk the whole (org_id, sort_name) index and filter it, because the LIMIT
 * made that look cheap; and matches cluster in sort order ("lucía" sorts together), so
 * even a plain LIMIT may scan most of the index before it finds a page. So a search
 * first collects its matches (id and sort name only, through the trigram index or one
 * pass over the table), at most EXACT_COUNT_LIMIT + 1 of them, then counts them and sorts
 * the page from that small set. When there are more, the total is the planner's estimate
 * and the page comes from `broadPage`: a bounded walk of the sort index, or all the
 * matches sorted (decision 103).
 * The list with no search walks the sort index and counts the same capped way.
 */
export async function searchPeople(
  db: Db,
  actor: Actor,
  query: PeopleQuery,
  options: { exactCountLimit?: number; byWords?: boolean } = {},
): Promise<PeoplePage> {
  const conditions: SQL[] = [eq(people.orgId, actor.orgId)];
  const terms = searchTerms(query.q ?? "");
  conditions.push(...holdsEvery(people.searchText, terms));
  if (query.tag) conditions.push(arrayContains(people.tags, [query.tag]));
  if (query.level) conditions.push(eq(people.engagementLevel, query.level));
  const where = and(...conditions) as SQL;
  const offset = (query.page - 1) * query.perPage;
  const cap = options.exactCountLimit ?? EXACT_COUNT_LIMIT;

  const answer = async (rows: Row[], total: number, totalIsEstimate: boolean) => ({
    people: await toPeople(db, actor.orgId, rows),
    total,
    totalIsEstimate,
    page: query.page,
    perPage: query.perPage,
  });
  const byWords =
    query.tag || query.level || options.byWords === false
      ? undefined
      : await searchByWords(db, actor.orgId, terms, { perPage: query.perPage, offset, cap });
  if (byWords) {
    if (byWords.total <= cap) return answer(byWords.rows, byWords.total, false);
    return answer(byWords.rows, Math.max(cap + 1, await estimatedCount(db, where)), true);
  }

  let rows: Row[] | undefined;
  let total: number;
  /** The last sort name of the page sorted from the collected matches, when it is full. */
  let bound: string | undefined;
  if (terms.length > 0 || query.tag) {
    // MATERIALIZED keeps the planner from merging the matches back into an ordered scan.
    const page = sql`(WITH matches AS MATERIALIZED (
        SELECT ${people.id} AS id, ${people.sortName} AS sort_name FROM ${people} WHERE ${where}
        LIMIT ${cap + 1})
      SELECT id, sort_name, (SELECT count(*) FROM matches) AS total FROM matches
      ORDER BY sort_name, id LIMIT ${query.perPage} OFFSET ${offset}) AS page`;
    const found = await db
      .select({
        ...personColumns,
        total: sql<number>`page.total`.mapWith(Number),
        sortName: sql<string>`page.sort_name`,
      })
      .from(people)
      .innerJoin(page, sql`page.id = ${people.id}`)
      .where(eq(people.orgId, actor.orgId))
      .orderBy(sql`page.sort_name`, sql`page.id`);
    total = found[0]?.total ?? (query.page > 1 ? await cappedCount(db, where, cap) : 0);
    if (total <= cap) rows = found.map(({ total: _, sortName: __, ...r }) => r);
    else if (found.length === query.perPage) bound = found.at(-1)?.sortName;
  } else {
    total = await cappedCount(db, where, cap);
  }
  const totalIsEstimate = total > cap;
  if (totalIsEstimate) {
    total = Math.max(cap + 1, await estimatedCount(db, where));
    rows = await broadPage(db, actor.orgId, query, {
      where,
      bound,
      offset,
      total,
      searched: terms.length > 0,
    });
  }
  rows ??= await listPage(db, where, query.perPage, offset);
  return answer(rows, total, totalIsEstimate);
}

type Row = Awaited<ReturnType<typeof listPage>>[number];

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

/**
 * The page of a search with more matches than the limit (total: the estimate), exact:
 * - The collected matches held a full page sorted up to `bound`, so the true page ends at
 *   `bound` or before: when the planner puts at most WALK_LIMIT people up to `bound`, a
 *   walk of the sort index (index-only) up to it, filtered by the search, finds the page.
 * - Matches that are a large part of everyone (at least DENSE_SHARE) are met early by a
 *   walk of the sort index, as are those of a tag alone (no search text): walk it.
 * - Otherwise they are sorted apart. Matches that cluster late in name order (one given
 *   name: `sort_name` starts with it) end up here: a walk to them would read most of the
 *   table (11 s at a million), sorting them costs a visit to each (decision 103).
 */
async function broadPage(
  db: Db,
  orgId: string,
  query: PeopleQuery,
  o: { where: SQL; bound: string | undefined; offset: number; total: number; searched: boolean },
) {
  if (o.bound !== undefined) {
    const upToBound = and(eq(people.orgId, orgId), lte(people.sortName, o.bound)) as SQL;
    if ((await estimatedCount(db, upToBound)) <= WALK_LIMIT) {
      const walked = await walkedPage(db, orgId, query, { ...o, bound: o.bound });
      if (walked) return walked;
    }
  }
  if (o.searched && o.total < (await estimatedCount(db, eq(people.orgId, orgId))) * DENSE_SHARE) {
    return sortedPage(db, o.where, query.perPage, o.offset);
  }
  return listPage(db, o.where, query.perPage, o.offset);
}

/** The share of everyone above which a broad search walks the sort index for its page. */
const DENSE_SHARE = 0.1;

/**
 * How many people in sort order a walk may read for one page (index-only: the sort index
 * holds the search text). Above it, the page is sorted from all the matches.
 */
export const WALK_LIMIT = 30_000;

/**
 * The page from a walk of the sort index up to `bound`, filtered by the search: exact, as
 * the collected matches hold a full page sorted up to `bound`. The walk is capped (at four
 * times what the estimate allowed): past that cap the page may not fill, and then it is
 * undefined and the page is sorted apart.
 */
async function walkedPage(
  db: Db,
  orgId: string,
  query: PeopleQuery,
  { where, bound, offset }: { where: SQL; bound: string; offset: number },
) {
  // The window is named `people`, so the search's conditions apply to it as written; it
  // carries only the columns they read (tags and level are not in the index).
  const extra = sql.raw(`${query.tag ? ", tags" : ""}${query.level ? ", engagement_level" : ""}`);
  const page = sql`(SELECT id, sort_name FROM (
      SELECT id, org_id, sort_name, search_text${extra} FROM people
      WHERE org_id = ${orgId} AND sort_name <= ${bound}
      ORDER BY sort_name, id LIMIT ${WALK_LIMIT * 4}) AS people
    WHERE ${where} ORDER BY sort_name, id LIMIT ${query.perPage} OFFSET ${offset}) AS page`;
  const rows = await peopleOfPage(db, page);
  return rows.length === query.perPage ? rows : undefined;
}

/** A page of the matches sorted apart (no count): for broad searches that are not dense. */
async function sortedPage(db: Db, where: SQL, limit: number, offset: number) {
  const page = sql`(WITH matches AS MATERIALIZED (
      SELECT ${people.id} AS id, ${people.sortName} AS sort_name FROM ${people} WHERE ${where})
    SELECT id, sort_name FROM matches ORDER BY sort_name, id LIMIT ${limit} OFFSET ${offset}) AS page`;
  return peopleOfPage(db, page);
}

/** The people of a `page` subquery (its columns id and sort_name), in its order. */
function peopleOfPage(db: Db, page: SQL) {
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
