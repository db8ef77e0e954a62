import { type Column, type SQL, sql } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import type { Db } from "./client";

// Drizzle turns a query builder into SQL text on every run: 40–100 µs of CPU for one
// select or insert, the largest cost an API write had in the app process (decision 097).
// A statement on a hot path is built ONCE instead, with `sql.placeholder("name")` for what
// varies, and then runs with its values on any Db, the pool or a transaction:
//
//   const tokenRow = builtOnce((db) =>
//     db.select({ orgId: apiTokens.orgId }).from(apiTokens)
//       .where(eq(apiTokens.tokenHash, sql.placeholder("hash"))),
//   );
//   const rows = await tokenRow(tx, { hash });
//
// Everything that varies must be a placeholder: a plain value is frozen into the statement
// the first time, and so is a JavaScript-side default ($defaultFn, $onUpdate; the schema has
// none: its defaults are SQL). A placeholder in `values()` goes through the column's encoder
// (Date, JSON); in an upsert's `set` write `placeholderOf("name", column)` for the same; one in
// a `where` is sent as given (ids, strings). Rows come back mapped as drizzle maps them.
//
// A statement stays unnamed unless it is given a name: then PostgreSQL parses and plans it
// once per connection of the pool and reuses its plan (a gift's statement spent 0.3 ms of
// the server's CPU on being parsed and planned, more than on being run: decision 102).
// Names are for the few statements every API write sends; each takes a little memory in
// every connection. PGlite ignores the name.

/** What drizzle's prepared query holds once built (internal fields, stable since 0.30). */
type Built = {
  getQuery(): { sql: string; params: unknown[] };
  fields?: unknown;
  customResultMapper?: unknown;
  joinsNotNullableMap?: unknown;
  isResponseInArrayMode(): boolean;
};

type Preparable<R> = { prepare(name: string): { execute(values?: never): Promise<R> } };

/** A statement built on first use; run it as `statement(db, values)`. */
export function builtOnce<V extends Record<string, unknown>, R>(
  build: (db: Db) => Preparable<R>,
  name?: string,
): (db: Db, values: V) => Promise<R> {
  let built: Built | null = null;
  return (db, values) => {
    built ??= build(db).prepare("built_once") as unknown as Built;
    const session = (db as unknown as { session: PgSession }).session;
    const query = session.prepareQuery(
      built.getQuery() as never,
      built.fields as never,
      name,
      built.isResponseInArrayMode(),
      built.customResultMapper as never,
    ) as unknown as { joinsNotNullableMap?: unknown; execute(values: V): Promise<R> };
    query.joinsNotNullableMap = built.joinsNotNullableMap;
    return query.execute(values);
  };
}

/** A placeholder encoded as `column` encodes its values, where drizzle's types want SQL (`set`). */
export function placeholderOf(name: string, column: Column): SQL {
  return sql`${sql.param(sql.placeholder(name), column)}`;
}

/**
 * A hand-written statement (a `sql` template with `sql.placeholder("name")` for what varies)
 * turned into text once; run it as `statement(db, values)` for its raw rows. Columns come
 * back as the driver gives them (timestamps may be text: read them with `new Date(…)`).
 */
export function sqlOnce<V extends Record<string, unknown>, Row>(
  build: () => SQL,
): (db: Db, values: V) => Promise<Row[]> {
  let query: { sql: string; params: unknown[] } | null = null;
  return async (db, values) => {
    const { dialect, session } = db as unknown as { dialect: PgDialect; session: PgSession };
    query ??= dialect.sqlToQuery(build());
    const prepared = session.prepareQuery(query as never, undefined, undefined, false);
    const result = (await prepared.execute(values as never)) as unknown as { rows: Row[] };
    return result.rows;
  };
}

/**
 * SQL text and its values (`$1`…), sent as the named statement `name` on `db` (the pool or a
 * transaction): parsed and planned once per connection. The same name must always carry the
 * same text. Rows come back as the driver returns them, as `db.execute` does.
 */
export function runNamed<R>(
  db: Db,
  query: { name: string; text: string; values: unknown[] },
): Promise<{ rows: R[] }> {
  const session = (db as unknown as { session: PgSession }).session;
  const prepared = session.prepareQuery(
    { sql: query.text, params: query.values },
    undefined,
    query.name,
    false,
  ) as unknown as { execute(): Promise<{ rows: R[] }> };
  return prepared.execute();
}
