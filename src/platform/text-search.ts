import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { likePattern } from "./text";

// A list's search over its folded `search_text` column (db/columns.ts `searchText`): the
// one LIKE every module's search writes, its term's `\`, `%` and `_` escaped.

/** The text in `column` holds `term` anywhere. */
export const holds = (column: AnyPgColumn, term: string): SQL =>
  sql`${column} LIKE ${likePattern(term)}`;

/** One `holds` per term: ANDed together, the text holds every term. */
export const holdsEvery = (column: AnyPgColumn, terms: readonly string[]): SQL[] =>
  terms.map((term) => holds(column, term));
