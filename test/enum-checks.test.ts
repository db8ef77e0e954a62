import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client";
import { CASE_STATUSES } from "../src/modules/defense/case";
import { CASE_EVENT_KINDS } from "../src/modules/defense/case-event";
import { SOURCES } from "../src/modules/messaging/consent";
import { ENGAGEMENT_LEVELS, PREFERRED_LANGUAGES } from "../src/modules/people/person";
import { openTestDatabase, STORES } from "./support/stores";

// Each enum is defined once, in its module's domain (an `as const` list that types the
// Drizzle column and the Zod schema). The SQL CHECK in the migration is the one copy that
// can't import it: this compares the two, so adding a value to one side only fails here.
const ENUMS: { table: string; column: string; values: readonly string[] }[] = [
  { table: "people", column: "engagement_level", values: ENGAGEMENT_LEVELS },
  { table: "people", column: "preferred_language", values: PREFERRED_LANGUAGES },
  { table: "cases", column: "status", values: CASE_STATUSES },
  { table: "case_events", column: "kind", values: CASE_EVENT_KINDS },
  { table: "consent_records", column: "source", values: SOURCES },
];

/** The quoted values of the CHECK constraint on `table` that names `column` with IN / ANY. */
async function checkedValues(database: Database, table: string, column: string) {
  const result = await database.db.execute<{ def: string }>(
    sql`SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relname = ${table} AND c.contype = 'c'`,
  );
  const defs = result.rows.map((r) => r.def).filter((d) => d.includes(`(${column} `));
  expect(defs, `${table}.${column}: one CHECK`).toHaveLength(1);
  return [...(defs[0] ?? "").matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

describe.each(STORES)("enum CHECKs match the domain's lists on %s", (store) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(store);
  });
  afterAll(() => database.close());

  for (const { table, column, values } of ENUMS) {
    it(`${table}.${column}`, async () => {
      expect((await checkedValues(database, table, column)).sort()).toEqual([...values].sort());
    });
  }
});
