import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, STORES } from "../../test/support/stores";
import type { Database } from "./client";

// The Drizzle tables the code queries and the tables the SQL migrations create
// must agree, column by column, on both stores.
const SRC = join(dirname(fileURLToPath(import.meta.url)), "..");

/** platform.schema.ts and every *.schema.ts under modules/, sub-folders included. */
function schemaFiles(): string[] {
  const modules = join(SRC, "modules");
  const found = readdirSync(modules, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".schema.ts"))
    .map((file) => join(modules, file));
  return [join(SRC, "platform", "platform.schema.ts"), ...found.sort()];
}

type Column = { name: string; notNull: boolean; type: string; hasDefault: boolean };

// Tables that exist in the database without a Drizzle model, on purpose.
const UNMODELED = new Set(["schema_migrations", "key_check"]);

describe.each(STORES)("Drizzle schema matches the migrated database on %s", (store) => {
  let database: Database;
  const tables = new Map<string, { file: string; columns: Column[] }>();

  beforeAll(async () => {
    database = await openTestDatabase(store);
    for (const file of schemaFiles()) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (!is(value, PgTable)) continue;
        const config = getTableConfig(value);
        expect(tables.has(config.name), `${config.name} is defined twice`).toBe(false);
        tables.set(config.name, {
          file: relative(SRC, file),
          columns: config.columns.map((c) => ({
            name: c.name,
            notNull: c.notNull,
            type: c.getSQLType(),
            hasDefault: c.hasDefault,
          })),
        });
      }
    }
  });
  afterAll(() => database.close());

  async function columnsOf(table: string): Promise<Column[]> {
    const res = await database.db.execute<{
      name: string;
      not_null: boolean;
      type: string;
      has_default: boolean;
    }>(
      // pg_attribute rather than information_schema alone: format_type gives "text[]" and
      // "timestamp with time zone" the way Drizzle spells them.
      sql`SELECT a.attname AS name, a.attnotnull AS not_null,
              format_type(a.atttypid, a.atttypmod) AS type, a.atthasdef AS has_default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = ${table} AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
    );
    return res.rows.map((r) => ({
      name: r.name,
      notNull: r.not_null,
      type: r.type,
      hasDefault: r.has_default,
    }));
  }

  it("finds the schema files and their tables", () => {
    expect([...tables.keys()]).toEqual(
      expect.arrayContaining(["organizations", "users", "memberships", "sessions", "people"]),
    );
    expect(new Set([...tables.values()].map((t) => t.file))).toEqual(
      new Set(schemaFiles().map((f) => relative(SRC, f))),
    );
  });

  it("has every modeled column in the database with the same nullability, type and default", async () => {
    for (const [table, model] of tables) {
      const actual = await columnsOf(table);
      expect(
        actual.length,
        `table ${table} (${model.file}) is missing from the migrations`,
      ).toBeGreaterThan(0);
      const byName = new Map(actual.map((c) => [c.name, c]));
      for (const column of model.columns) {
        const found = byName.get(column.name);
        const where = `${table}.${column.name} (${model.file})`;
        expect(found, `${where} is not in the database`).toBeDefined();
        expect(found?.notNull, `${where}: NOT NULL differs`).toBe(column.notNull);
        expect(found?.type, `${where}: type differs`).toBe(column.type);
        expect(found?.hasDefault, `${where}: DEFAULT differs`).toBe(column.hasDefault);
      }
      const modeled = new Set(model.columns.map((c) => c.name));
      const extra = actual.filter((c) => !modeled.has(c.name)).map((c) => c.name);
      expect(extra, `${table} has columns the model doesn't know`).toEqual([]);
    }
  });

  it("agrees with information_schema on every column's nullability", async () => {
    const res = await database.db.execute<{
      table_name: string;
      column_name: string;
      is_nullable: string;
    }>(
      sql`SELECT table_name, column_name, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public'`,
    );
    for (const row of res.rows) {
      const model = tables.get(row.table_name);
      if (!model) continue;
      const column = model.columns.find((c) => c.name === row.column_name);
      expect(column?.notNull, `${row.table_name}.${row.column_name}`).toBe(
        row.is_nullable === "NO",
      );
    }
  });

  it("models every table the migrations create", async () => {
    const res = await database.db.execute<{ table_name: string }>(
      sql`SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const unmodeled = res.rows
      .map((r) => r.table_name)
      .filter((name) => !tables.has(name) && !UNMODELED.has(name));
    expect(unmodeled).toEqual([]);
  });
});
