import { eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { likePattern } from "../../platform/text";
import { people } from "./people.schema";
import { personColumns } from "./person-record";

// A search answered from the people's words (decision 110, migration 0087): each term is
// looked up in the organization's vocabulary (small, trigram-indexed), and each word found
// is a run of the words index already in name order, so the page and a capped count are
// read from the index alone, however many people match and wherever they sort.

/** Above this many words for one term ("a", "ma"), the trigram search is cheaper. */
export const MAX_WORDS_PER_TERM = 40;

/**
 * Whether the words index answers `term` exactly. A word is a run of a-z and 0-9 with a
 * letter, or two such runs and what joins them, so: one such run ("igue": inside one
 * word), or two joined by something that is neither ("maria.fern": inside the pair
 * "maria.fernandez"). Digits alone (phones) and a term that starts or ends with a
 * separator ("sofia.") may match where no word holds them.
 */
export function answeredByWords(term: string): boolean {
  if (/^[^a-z0-9]|[^a-z0-9]$/.test(term)) return false;
  const runs = term.split(/[^a-z0-9]+/);
  return runs.length <= 2 && runs.every((run) => /[a-z]/.test(run));
}

export type WordsPage = {
  rows: Awaited<ReturnType<typeof pageOf>>;
  /** Exact up to `cap`; cap + 1 means "more than cap". */
  total: number;
};

/**
 * The page and the capped count of people matching every term, or undefined when the
 * words index can't answer (a term it can't answer exactly, or one found in too many words).
 */
export async function searchByWords(
  db: Db,
  orgId: string,
  terms: string[],
  o: { perPage: number; offset: number; cap: number },
): Promise<WordsPage | undefined> {
  if (terms.length === 0 || !terms.every(answeredByWords)) return undefined;
  const wordsOfTerms = await vocabularyFor(db, orgId, terms);
  if (wordsOfTerms.some((words) => words.length > MAX_WORDS_PER_TERM)) return undefined;
  if (wordsOfTerms.some((words) => words.length === 0)) return { rows: [], total: 0 };
  const matches = matching(
    orgId,
    // The term with the fewest words leads the merge join (a guess; any order is exact).
    [...wordsOfTerms].sort((a, b) => a.length - b.length),
  );
  const counted = await db.execute<{ n: number | string }>(
    sql`SELECT count(*) AS n FROM (${matches} LIMIT ${o.cap + 1}) AS capped`,
  );
  const total = Number(counted.rows[0]?.n ?? 0);
  const rows =
    o.offset < total || total > o.cap ? await pageOf(db, orgId, matches, o.perPage, o.offset) : [];
  return { rows, total };
}

/**
 * For each term, the words that hold it (at most MAX_WORDS_PER_TERM + 1). A term without
 * a separator lies inside one run, so pairs ("maria.fernandez") are skipped for it: the
 * run ("maria") already finds the same people.
 */
async function vocabularyFor(db: Db, orgId: string, terms: string[]): Promise<string[][]> {
  const lookups = terms.map(
    (term, i) => sql`(SELECT ${i}::int AS term, word FROM people_vocabulary
      WHERE org_id = ${orgId} AND word LIKE ${likePattern(term)}
        ${/[^a-z0-9]/.test(term) ? sql`` : sql`AND word !~ '[^a-z0-9]'`}
      LIMIT ${MAX_WORDS_PER_TERM + 1})`,
  );
  const found = await db.execute<{ term: number; word: string }>(
    sql.join(lookups, sql` UNION ALL `),
  );
  const words = terms.map((): string[] => []);
  for (const row of found.rows) words[Number(row.term)]?.push(row.word);
  return words;
}

/**
 * The people holding one of `words`, in name order, each once: one ordered run of the
 * index per word, merged (Merge Append, then Unique), so reading the first rows reads
 * only the first entries of each run.
 */
function holdingOneOf(orgId: string, words: string[]): SQL {
  const runs = words.map(
    (word) => sql`(SELECT sort_name, person_id FROM people_words
      WHERE org_id = ${orgId} AND word = ${word} ORDER BY sort_name, person_id)`,
  );
  if (runs.length === 1) return runs[0] as SQL;
  return sql`(SELECT DISTINCT sort_name, person_id FROM (${sql.join(runs, sql` UNION ALL `)}) AS u
    ORDER BY sort_name, person_id)`;
}

/** People matching every term: the terms' ordered streams, merge-joined on (name, id). */
function matching(orgId: string, wordsOfTerms: string[][]): SQL {
  const [first, ...rest] = wordsOfTerms.map((words, i) => ({
    stream: holdingOneOf(orgId, words),
    alias: sql.raw(`t${i}`),
  }));
  if (!first) throw new Error("no terms");
  const joins = rest.map(
    ({ stream, alias }) =>
      sql` JOIN ${stream} AS ${alias} ON ${alias}.sort_name = t0.sort_name AND ${alias}.person_id = t0.person_id`,
  );
  return sql`SELECT t0.sort_name, t0.person_id FROM ${first.stream} AS t0${sql.join(joins)}
    ORDER BY t0.sort_name, t0.person_id`;
}

function pageOf(db: Db, orgId: string, matches: SQL, limit: number, offset: number) {
  const page = sql`(${matches} LIMIT ${limit} OFFSET ${offset}) AS page`;
  return db
    .select(personColumns)
    .from(people)
    .innerJoin(page, sql`page.person_id = ${people.id}`)
    .where(eq(people.orgId, orgId))
    .orderBy(sql`page.sort_name`, sql`page.person_id`);
}
