// The search workload of the people benchmark: a fixed, seeded mix of what organizers type
// (names with and without accents, fragments, emails, phone digits), and the SQL that
// searchPeople runs, written by hand, as the baseline.

import type { RawQuery } from "../src/db/client";
import { type InventedPerson, seededRandom } from "../src/modules/demo/invented-people";
import { searchTerms } from "../src/modules/people/person";
import { answeredByWords, MAX_WORDS_PER_TERM } from "../src/modules/people/search-by-words";
import { EXACT_COUNT_LIMIT, WALK_LIMIT } from "../src/modules/people/search-people";
import { fold, likePattern } from "../src/platform/text";

export type Query = { q: string; kind: string };

/**
 * `count` queries, the same every run: the examples first, then a seeded mix drawn
 * from the invented people themselves (so most queries find someone, as real searches do).
 * Broad on purpose, and few: "555 01" matches every phone (all invented numbers are
 * 555-01xx), "@example.org" every email.
 */
export function queryMix(count: number, people: InventedPerson[]): Query[] {
  const rnd = seededRandom(2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const person = () => pick(people);
  const withEmail = people.filter((p) => p.emails.length > 0);
  const withPhone = people.filter((p) => p.phones.length > 0);
  const spanish = people.filter((p) => p.preferredLanguage === "es");
  const fragment = (word: string, min: number, max: number) => {
    const len = Math.min(word.length, min + Math.floor(rnd() * (max - min + 1)));
    const start = Math.floor(rnd() * (word.length - len + 1));
    return word.slice(start, start + len);
  };
  const fullName = (p: InventedPerson) => `${p.givenName} ${p.familyName.split(" ")[0]}`;
  const out: Query[] = [
    { q: "maría fernández", kind: "name, accents" },
    { q: "maria fernandez", kind: "name, no accents" },
    { q: "GARCIA", kind: "name, upper case" },
    { q: "lucía", kind: "given name" },
    { q: "555 01", kind: "phone fragment" },
    { q: "0104", kind: "phone fragment" },
  ];
  const emailFragment = () => {
    const r = rnd();
    const address = pick(withEmail).emails[0]?.address ?? "";
    const local = address.split("@")[0] ?? "";
    if (r < 0.45) return local.slice(0, 6 + Math.floor(rnd() * 8)); // "maria.fern"
    if (r < 0.75) return local.split(".").slice(1, 3).join("."); // "fernandez.lopez"
    if (r < 0.97) return `${local.split(".").at(-1)}@`; // "10423@"
    return "@example.org";
  };
  const phoneFragment = () => {
    const r = rnd();
    const number = pick(withPhone).phones[0]?.number ?? ""; // "(555) 0123-4567"
    if (r < 0.35) return number.slice(-4); // last four digits
    if (r < 0.55) return number.slice(6, 10); // "0123"
    if (r < 0.75) return number.slice(-9); // "0123-4567"
    if (r < 0.95) return number; // the whole number
    return "555 01";
  };
  const makers: [string, number, () => string][] = [
    ["name, accents", 30, () => fullName(pick(spanish)).toLowerCase()],
    ["name, no accents", 30, () => fold(fullName(person()))],
    ["name, upper case", 14, () => fold(person().familyName.split(" ")[0] ?? "").toUpperCase()],
    ["given name", 20, () => person().givenName.toLowerCase()],
    [
      "name fragment",
      30,
      () => fragment(fold(pick([person().givenName, person().familyName])), 3, 5),
    ],
    ["email fragment", 30, emailFragment],
    ["phone fragment", 40, phoneFragment],
  ];
  const rest: Query[] = [];
  for (const [kind, n, make] of makers) for (let i = 0; i < n; i++) rest.push({ q: make(), kind });
  // Shuffle (seeded) so the categories interleave.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as Query, rest[i] as Query];
  }
  return [...out, ...rest].slice(0, count);
}

// --- the bare baselines -------------------------------------------------------------------

export const COLUMNS =
  "id, display_name, given_name, family_name, phone_numbers, preferred_language, engagement_level, tags, notes, birthdate_enc, home_address_enc, created_at, updated_at";

const likes = (terms: number) =>
  Array.from({ length: terms }, (_, i) => ` AND search_text LIKE $${i + 2}`).join("");

/**
 * The SQL searchPeople runs (src/modules/people/search-people.ts), written by hand:
 * $1 is the org id, then one LIKE pattern per term. A search collects its matches (id and
 * sort name, at most EXACT_COUNT_LIMIT + 1), counts them and sorts the page from them; the
 * list with no search walks the sort index and counts apart, capped the same way. When
 * the count passes the limit, `broadSql` gives the page and the estimate instead.
 * Each statement returns `total` or the page (with `sort_name`, the walk's bound).
 */
export function searchSql(terms: number): string[] {
  const cap = EXACT_COUNT_LIMIT + 1;
  if (terms === 0) {
    return [
      `SELECT ${COLUMNS} FROM people WHERE org_id = $1 ORDER BY sort_name, id LIMIT 25 OFFSET 0`,
      `SELECT count(*) AS total FROM (SELECT 1 FROM people WHERE org_id = $1 LIMIT ${cap}) AS capped`,
    ];
  }
  return [
    `SELECT ${prefixed}, page.total, page.sort_name FROM people p JOIN (
      WITH matches AS MATERIALIZED (SELECT id, sort_name FROM people WHERE org_id = $1${likes(terms)} LIMIT ${cap})
      SELECT id, sort_name, (SELECT count(*) FROM matches) AS total FROM matches
      ORDER BY sort_name, id LIMIT 25 OFFSET 0) AS page ON page.id = p.id
    WHERE p.org_id = $1 ORDER BY page.sort_name, page.id`,
  ];
}

const prefixed = COLUMNS.split(", ")
  .map((c) => `p.${c}`)
  .join(", ");

/**
 * Past the limit: the planner's estimates (of the matches, of the people sorted up to the
 * bound, of everyone), the walk of the sort index up to the bound ($bound is the last
 * parameter), the unbounded walk, and the matches sorted apart.
 */
export function broadSql(terms: number) {
  const bound = `$${terms + 2}`;
  return {
    estimate: `EXPLAIN (FORMAT JSON) SELECT 1 FROM people WHERE org_id = $1${likes(terms)}`,
    upToBound: "EXPLAIN (FORMAT JSON) SELECT 1 FROM people WHERE org_id = $1 AND sort_name <= $2",
    everyone: "EXPLAIN (FORMAT JSON) SELECT 1 FROM people WHERE org_id = $1",
    walk: `SELECT ${prefixed} FROM people p JOIN (SELECT id, sort_name FROM (
        SELECT id, org_id, sort_name, search_text FROM people WHERE org_id = $1 AND sort_name <= ${bound}
        ORDER BY sort_name, id LIMIT ${WALK_LIMIT * 4}) AS people
      WHERE org_id = $1${likes(terms)} ORDER BY sort_name, id LIMIT 25 OFFSET 0) AS page ON page.id = p.id
    ORDER BY page.sort_name, page.id`,
    page: `SELECT ${COLUMNS} FROM people WHERE org_id = $1${likes(terms)} ORDER BY sort_name, id LIMIT 25 OFFSET 0`,
    sorted: `SELECT ${prefixed} FROM people p JOIN (
      WITH matches AS MATERIALIZED (SELECT id, sort_name FROM people WHERE org_id = $1${likes(terms)})
      SELECT id, sort_name FROM matches ORDER BY sort_name, id LIMIT 25 OFFSET 0) AS page ON page.id = p.id
    ORDER BY page.sort_name, page.id`,
  };
}

/**
 * The words index's statements (src/modules/people/search-by-words.ts), by hand: the
 * vocabulary lookup, then the capped count and the page of the terms' merged runs.
 * Undefined when searchPeople would not take this path.
 */
async function rawWordSearch(query: RawQuery, orgId: string, terms: string[]) {
  if (terms.length === 0 || !terms.every(answeredByWords)) return undefined;
  const lookups = terms.map(
    (term, i) => `(SELECT ${i} AS term, word FROM people_vocabulary WHERE org_id = $1
      AND word LIKE $${i + 2}${/[^a-z0-9]/.test(term) ? "" : " AND word !~ '[^a-z0-9]'"}
      LIMIT ${MAX_WORDS_PER_TERM + 1})`,
  );
  const found = await query(lookups.join(" UNION ALL "), [orgId, ...terms.map(likePattern)]);
  const words = terms.map((): string[] => []);
  for (const row of found) words[Number(row.term)]?.push(String(row.word));
  if (words.some((w) => w.length > MAX_WORDS_PER_TERM)) return undefined;
  if (words.some((w) => w.length === 0)) return 0;
  const values: unknown[] = [orgId];
  const stream = (list: string[]) => {
    const runs = list.map((word) => {
      values.push(word);
      return `(SELECT sort_name, person_id FROM people_words WHERE org_id = $1 AND word = $${values.length}
        ORDER BY sort_name, person_id)`;
    });
    return runs.length === 1
      ? runs[0]
      : `(SELECT DISTINCT sort_name, person_id FROM (${runs.join(" UNION ALL ")}) AS u ORDER BY sort_name, person_id)`;
  };
  const [first, ...rest] = [...words].sort((a, b) => a.length - b.length);
  const joins = rest
    .map((list, i) => {
      const t = `t${i + 1}`;
      return ` JOIN ${stream(list)} AS ${t} ON ${t}.sort_name = t0.sort_name AND ${t}.person_id = t0.person_id`;
    })
    .join("");
  const matches = `SELECT t0.sort_name, t0.person_id FROM ${stream(first ?? [])} AS t0${joins}
    ORDER BY t0.sort_name, t0.person_id`;
  const [counted] = await query(
    `SELECT count(*) AS n FROM (${matches} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS capped`,
    values,
  );
  const total = Number(counted?.n ?? 0);
  if (total > 0) {
    await query(
      `SELECT ${prefixed} FROM people p JOIN (${matches} LIMIT 25 OFFSET 0) AS page
        ON page.person_id = p.id WHERE p.org_id = $1 ORDER BY page.sort_name, page.person_id`,
      values,
    );
  }
  return total;
}

/** searchPeople's statements for page 1 of 25, in its order; returns the total it reports. */
export async function rawSearch(query: RawQuery, orgId: string, q: string): Promise<number> {
  const terms = searchTerms(q);
  const patterns = terms.map(likePattern);
  const values = [orgId, ...patterns];
  const byWords = await rawWordSearch(query, orgId, terms);
  if (byWords !== undefined && byWords <= EXACT_COUNT_LIMIT) return byWords;
  if (byWords !== undefined) {
    const [row] = await query(broadSql(patterns.length).estimate, values);
    const cell = Object.values(row ?? {})[0];
    const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as [
      { Plan: { "Plan Rows": number } },
    ];
    return Math.max(EXACT_COUNT_LIMIT + 1, Math.round(plan[0].Plan["Plan Rows"]));
  }
  let total = 0;
  let bound: string | undefined;
  for (const statement of searchSql(patterns.length)) {
    const rows = await query(statement, values);
    if (rows[0]?.total !== undefined) total = Number(rows[0].total);
    if (rows.length === 25 && rows[24]?.sort_name !== undefined) bound = String(rows[24].sort_name);
  }
  if (total <= EXACT_COUNT_LIMIT) return total;
  const broad = broadSql(patterns.length);
  const planRows = async (statement: string, v: unknown[]) => {
    const [row] = await query(statement, v);
    const cell = Object.values(row ?? {})[0];
    const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as [
      { Plan: { "Plan Rows": number } },
    ];
    return Math.round(plan[0].Plan["Plan Rows"]);
  };
  total = Math.max(EXACT_COUNT_LIMIT + 1, await planRows(broad.estimate, values));
  if (bound !== undefined && (await planRows(broad.upToBound, [orgId, bound])) <= WALK_LIMIT) {
    if ((await query(broad.walk, [...values, bound])).length === 25) return total;
  }
  if (patterns.length === 0) return total;
  const everyone = await planRows(broad.everyone, [orgId]);
  await query(total < everyone * 0.1 ? broad.sorted : broad.page, values);
  return total;
}

/** The first version's query: one statement, `count(*) OVER ()` beside the page. */
export function windowSql(terms: number): string {
  return `SELECT ${COLUMNS}, count(*) OVER () AS total FROM people WHERE org_id = $1${likes(terms)} ORDER BY sort_name, id LIMIT 25 OFFSET 0`;
}
