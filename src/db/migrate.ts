import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./client";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");
const LOCK_ID = 727274;

/** The names of the migrations this code knows, in the order they apply. */
export function migrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => f.replace(/\.sql$/, ""));
}

// Plain numbered SQL files, applied once each, in order, one transaction per file.
// A session-level advisory lock lets several app instances start at the same time.
// `upTo`: stop after that migration (a restore loads an older dump's rows into the schema
// they were written in, then the rest run over them).
export async function migrate(
  database: Database,
  options: { upTo?: string } = {},
): Promise<string[]> {
  const files = migrationNames()
    .filter((name) => options.upTo === undefined || name <= options.upTo)
    .map((name) => `${name}.sql`);
  return database.withConnection(async (query) => {
    await query(`SELECT pg_advisory_lock(${LOCK_ID})`);
    try {
      await query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set(
        (await query("SELECT name FROM schema_migrations", [])).map((r) => String(r.name)),
      );
      const applied: string[] = [];
      for (const file of files) {
        const name = file.replace(/\.sql$/, "");
        if (done.has(name)) continue;
        const body = readFileSync(join(MIGRATIONS_DIR, file), "utf8");
        await query(
          `BEGIN;\n${body}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`,
        );
        applied.push(name);
      }
      return applied;
    } catch (error) {
      await query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await query(`SELECT pg_advisory_unlock(${LOCK_ID})`);
    }
  });
}
