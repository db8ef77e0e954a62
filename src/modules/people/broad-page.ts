import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { firstWordsBefore } from "./first-words";
import { people } from "./people.schema";
import { personColumns } from "./person-record";
import type { PeopleQuery } from "./search-people";

// The page of a search with more matches than the exact-count limit (decisions 103, 109).

/** The planner's estimate of how many rows match (EXPLAIN, nothing is read). */
export async function estimatedCount(db: Db, where: SQL): Promise<number> {
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

/**
 * How many people in sort order a walk may read for one page (index-only: the sort index
 * holds the search text). Above it, the page is sorted from all the matches.
 */
export const WALK_LIMIT = 30_000;

/**
 * The page of a search with more matches than the limit (total: the estimate), exact:
 * - The collected matches held a full page sorted up to `bound`, so the true page ends at
 *   `bound` or before: when the planner puts at most WALK_LIMIT people up to `bound`, a
 *   walk of the sort index (index-only) up to it, filtered by the search, finds the page.
 * - Otherwise, when at most WALK_LIMIT people sort from the first word of `bound` to it,
 *   the page is the matches before that word (through the trigram index, which holds the
 *   first word of each sort name: given the first words before it, no order is needed)
 *   and a walk from the word to `bound`. Matches that cluster late in name order (one
 *   given name: `sort_name` starts with it) end up here.
 * - Matches that are a large part of everyone (at least DENSE_SHARE) are met early by a
 *   walk of the sort index, as are those of a tag alone (no search text): walk it.
 * - Otherwise they are sorted apart (a visit to each match).
 */
export async function broadPage(
  db: Db,
  orgId: string,
  query: PeopleQuery,
  o: {
    where: SQL;
    bound: string | undefined;
    offset: number;
    total: number;
    searched: boolean;
    walkLimit: number;
  },
) {
  if (o.bound !== undefined) {
    const org = eq(people.orgId, orgId);
    const upToBound = and(org, lte(people.sortName, o.bound)) as SQL;
    if ((await estimatedCount(db, upToBound)) <= o.walkLimit) {
      const walked = await walkedPage(db, orgId, query, { ...o, bound: o.bound });
      if (walked) return walked;
    }
    const word = o.bound.split(" ")[0] ?? "";
    const fromWord = and(upToBound, gte(people.sortName, word)) as SQL;
    if ((await sortsPrefixFirst(db)) && (await estimatedCount(db, fromWord)) <= o.walkLimit) {
      const before = await firstWordsBefore(db, orgId, word);
      if (before) {
        const from = { word, before };
        const walked = await walkedPage(db, orgId, query, { ...o, bound: o.bound, from });
        if (walked) return walked;
      }
    }
  }
  if (o.searched && o.total < (await estimatedCount(db, eq(people.orgId, orgId))) * DENSE_SHARE) {
    return sortedPage(db, o.where, query.perPage, o.offset);
  }
  return listPage(db, o.where, query.perPage, o.offset);
}

/**
 * The page from a walk of the sort index up to `bound`, filtered by the search: exact, as
 * the collected matches hold a full page sorted up to `bound`. The walk is capped (at four
 * times what the estimate allowed): past that cap the page may not fill, and then it is
 * undefined and the page is sorted apart. With `from`, the walk starts at the first word
 * of `bound` and the matches sorting before that word are added: every name before the
 * word has one of the first words `before` it, so the trigram index finds them without
 * the sort order.
 */
async function walkedPage(
  db: Db,
  orgId: string,
  query: PeopleQuery,
  o: {
    where: SQL;
    bound: string;
    offset: number;
    walkLimit: number;
    from?: { word: string; before: string[] };
  },
) {
  // The window is named `people`, so the search's conditions apply to it as written; it
  // carries only the columns they read (tags and level are not in the index).
  const extra = sql.raw(`${query.tag ? ", tags" : ""}${query.level ? ", engagement_level" : ""}`);
  const from = o.from;
  const walk = sql`SELECT id, sort_name FROM (
      SELECT id, org_id, sort_name, search_text${extra} FROM people
      WHERE org_id = ${orgId} AND sort_name <= ${o.bound}${from ? sql` AND sort_name >= ${from.word}` : sql``}
      ORDER BY sort_name, id LIMIT ${o.walkLimit * 4}) AS people
    WHERE ${o.where}`;
  const words = sql.join(
    (from?.before ?? []).map((w) => sql`${w}`),
    sql`, `,
  );
  // The same expression as the index (migration 0088), so the index serves it.
  const before = sql`SELECT id, sort_name FROM people WHERE ${o.where}
      AND ARRAY[split_part(sort_name, ' ', 1)] && ARRAY[${words}]::text[]
      AND sort_name < ${from?.word ?? ""} UNION ALL `;
  const page = sql`(${from?.before.length ? before : sql``}${walk}
    ORDER BY sort_name, id LIMIT ${query.perPage} OFFSET ${o.offset}) AS page`;
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(page, sql`page.id = ${people.id}`)
    .orderBy(sql`page.sort_name`, sql`page.id`);
  return rows.length === query.perPage ? rows : undefined;
}

/**
 * Whether the database sorts text by code point (C, POSIX, C.UTF-8: PGlite, the embedded
 * store, the PostgreSQL here), where a prefix always sorts first: the walk from the first
 * word relies on it. Asked once per connection pool; elsewhere those pages are sorted apart.
 */
function sortsPrefixFirst(db: Db): Promise<boolean> {
  let known = codePointOrder.get(db);
  if (!known) {
    known = db
      .execute<{ c: boolean }>(
        sql`SELECT (datcollate IN ('C', 'POSIX') OR datcollate LIKE 'C.%') AND datlocprovider = 'c' AS c FROM pg_database WHERE datname = current_database()`,
      )
      .then((r) => r.rows[0]?.c === true);
    codePointOrder.set(db, known);
  }
  return known;
}
const codePointOrder = new WeakMap<Db, Promise<boolean>>();

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

export function listPage(db: Db, where: SQL | undefined, limit: number, offset: number) {
  return db
    .select(personColumns)
    .from(people)
    .where(where)
    .orderBy(asc(people.sortName), asc(people.id))
    .limit(limit)
    .offset(offset);
}
