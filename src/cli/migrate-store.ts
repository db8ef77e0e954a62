import { existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config";
import { type Database, openDatabase, openPglite, type RawQuery } from "../db/client";
import { pgliteStoreIn, startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate, migrationNames } from "../db/migrate";
import {
  appliedMigrations,
  beginCopyInto,
  compareCounts,
  insertRows,
  listTables,
  nonEmptyTables,
  readRows,
  readSequences,
  writeSequences,
} from "../db/table-copy";
import { createCipher, loadKey } from "../platform/crypto";
import { checkKey, lockDataDir } from "../store";
import { CliError } from "./io";

// `amparo migrate-store`: moves the PGlite store of AMPARO_DATA_DIR (the default store before
// decision 106) into the embedded PostgreSQL store of the same folder. The PGlite folder is
// renamed, never deleted; the key file stays where it is (encrypted values are copied as
// they are).

export type MoveResult = { tables: number; rows: number; keptAs: string };

export async function migrateStore(config: Config): Promise<MoveResult> {
  if (config.databaseUrl) {
    throw new CliError(
      "migrate-store moves a PGlite store into the embedded PostgreSQL store: unset DATABASE_URL",
    );
  }
  const pglite = pgliteStoreIn(config.dataDir);
  if (!pglite) throw new CliError(`no PGlite store in ${config.dataDir}: nothing to move`);
  const release = lockDataDir(config.dataDir);
  try {
    const cipher = createCipher(loadKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
    const source = await openPglite(config.dataDir);
    let moved: Omit<MoveResult, "keptAs">;
    try {
      await upToDate(source);
      await checkKey(source, cipher); // a store its key can't open is not moved
      const cluster = await startEmbeddedPostgres(config.dataDir, { besidePglite: true });
      try {
        const target = await openDatabase({ databaseUrl: cluster.url, poolSize: 2 });
        try {
          await migrate(target);
          moved = await copyAll(source, target);
        } finally {
          await target.close();
        }
      } finally {
        await cluster.stop();
      }
    } finally {
      await source.close();
    }
    return { ...moved, keptAs: keepOld(pglite) };
  } finally {
    release();
  }
}

/** The PGlite store at the schema of this code: migrated first, refused when it is ahead. */
async function upToDate(source: Database): Promise<void> {
  const known = new Set(migrationNames());
  const ahead = await source
    .withConnection((q) => appliedMigrations(q))
    .then((names) => names.filter((n) => !known.has(n)))
    .catch(() => [] as string[]); // no schema_migrations yet: migrate creates it
  if (ahead.length > 0) {
    throw new CliError(
      `the PGlite store was written by a newer Amparo (migration ${ahead[0]}): update Amparo, then run migrate-store again`,
    );
  }
  await migrate(source);
}

/** Every table's rows in one transaction on each side; counts checked before it commits. */
async function copyAll(source: Database, target: Database) {
  return source.withConnection((src) =>
    target.withConnection(async (dst) => {
      const tables = await listTables(dst);
      const theirs = new Set((await listTables(src)).map((t) => t.name));
      const missing = tables.filter((t) => !theirs.has(t.name)).map((t) => t.name);
      if (missing.length > 0 || theirs.size !== tables.length) {
        throw new CliError(
          `the two stores' tables differ after migrating both (${missing.join(", ") || "extra tables in PGlite"}): nothing was moved`,
        );
      }
      const full = await nonEmptyTables(dst, tables);
      if (full.length > 0) {
        throw new CliError(
          `the embedded PostgreSQL store (postgres/ in the data directory) already holds data (${full.slice(0, 3).join(", ")}): move postgres/ away to move the PGlite store into a new one, or move pglite/ away to keep the PostgreSQL one`,
        );
      }
      await src("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await beginCopyInto(dst, tables);
      try {
        const counts = new Map<string, number>();
        for (const table of tables) {
          counts.set(
            table.name,
            await readRows(src, table.name, (rows) => insertRows(dst, table, rows)),
          );
        }
        await writeSequences(dst, await readSequences(src));
        await verify(dst, counts);
        await dst("COMMIT");
        await src("COMMIT");
        const rows = [...counts.values()].reduce((a, b) => a + b, 0);
        return { tables: tables.length, rows };
      } catch (error) {
        await dst("ROLLBACK").catch(() => {});
        await src("ROLLBACK").catch(() => {});
        throw error;
      }
    }),
  );
}

async function verify(dst: RawQuery, counts: Map<string, number>): Promise<void> {
  const wrong = await compareCounts(dst, counts);
  if (wrong.length > 0) {
    throw new CliError(`row counts differ after the copy: ${wrong.join(", ")}; nothing was moved`);
  }
}

/** pglite/ -> pglite.migrated-<date> (never deleted; a second move the same day gets a time). */
function keepOld(pglite: string): string {
  const now = new Date().toISOString();
  let kept = `${pglite}.migrated-${now.slice(0, 10)}`;
  if (existsSync(kept)) kept = `${kept}-${now.slice(11, 19).replace(/:/g, "")}`;
  renameSync(pglite, kept);
  return kept;
}

export async function migrateStoreCommand({ config }: { config: Config }): Promise<void> {
  const moved = await migrateStore(config);
  console.log(
    `Moved the PGlite store into the embedded PostgreSQL store (${join(config.dataDir, "postgres")}): ${moved.rows} rows in ${moved.tables} tables, counts checked.`,
  );
  console.log(
    `The old store is kept as ${moved.keptAs}: delete it once Amparo runs well on the new one. Start with: npm start`,
  );
}
