import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { Config } from "../config";
import { type Database, dumpPglite, openDatabase, openPglite } from "../db/client";
import { type EmbeddedCluster, startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate, migrationNames } from "../db/migrate";
import { DumpError, type DumpHeader, loadDump, readDumpHeader, writeDump } from "../db/store-dump";
import { appliedMigrations, beginCopyInto, listTables, nonEmptyTables } from "../db/table-copy";
import { createCipher, loadKey } from "../platform/crypto";
import { checkKey, KeyMismatchError, lockDataDir, openStore } from "../store";
import { CliError } from "./io";

// `amparo backup FILE` / `amparo restore FILE`. The embedded PostgreSQL store (the default,
// decision 106): a logical dump the app writes (db/store-dump.ts). PGlite (AMPARO_STORE=pglite,
// deprecated): its own data directory dump, as before.

type Input = { args: string[]; config: Config };

const keyNote = (config: Config) =>
  `Keep it as safe as the data directory; the key in ${config.dataDir}/secret.key (or AMPARO_SECRET_KEY) is needed to read encrypted fields.`;

export async function backup({ args, config }: Input): Promise<void> {
  const [file] = args;
  if (!file) throw new CliError("usage: amparo backup FILE");
  if (config.databaseUrl) throw new CliError("on PostgreSQL, back up with pg_dump (see README)");
  const { database } = await openStore(config);
  try {
    if (database.kind === "pglite") {
      const dump = await dumpPglite(database);
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    } else {
      const rows = await database.withConnection((query) => writeDump(query, file));
      console.log(`${rows} rows.`);
    }
  } finally {
    await database.close();
  }
  console.log(`Backup written to ${file}. ${keyNote(config)}`);
}

export async function restore({ args, config }: Input): Promise<void> {
  const [file] = args;
  if (!file || !existsSync(file))
    throw new CliError("usage: amparo restore FILE (an existing backup)");
  if (config.databaseUrl) throw new CliError("on PostgreSQL, restore with pg_restore (see README)");
  if (config.store === "pglite") return restorePglite(file, config);
  const header = await readDumpHeader(file).catch((error: unknown) => {
    if (!(error instanceof DumpError)) throw error;
    throw new CliError(
      `${error.message} (a PGlite backup? restore it with AMPARO_STORE=pglite, then move it with npx amparo migrate-store)`,
    );
  });
  checkSchema(header);
  const release = lockDataDir(config.dataDir);
  try {
    const cipher = createCipher(loadKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
    const cluster = await startEmbeddedPostgres(config.dataDir);
    try {
      const database = await emptyStoreAt(cluster, header);
      try {
        const rows = await database.withConnection(async (query) => {
          const tables = await listTables(query);
          await beginCopyInto(query, tables);
          try {
            const n = await loadDump(query, file, tables);
            await query("COMMIT");
            return n;
          } catch (error) {
            await query("ROLLBACK").catch(() => {});
            if (error instanceof DumpError) throw new CliError(error.message);
            throw error;
          }
        });
        await migrate(database); // a dump of an older schema: the newer migrations run over it
        console.log(`Restored ${rows} rows from ${file} into ${config.dataDir}.`);
        await checkKey(database, cipher).catch((error: unknown) => {
          if (!(error instanceof KeyMismatchError)) throw error;
          throw new CliError(`the rows are restored, but ${error.message}`);
        });
      } finally {
        await database.close();
      }
    } finally {
      await cluster.stop();
    }
  } finally {
    release();
  }
}

/** A dump from this code's migrations or fewer of them (in the same order); never newer. */
function checkSchema(header: DumpHeader): void {
  const known = migrationNames();
  const unknown = header.migrations.find((m) => !known.includes(m));
  if (unknown) {
    throw new CliError(
      `the backup comes from a newer Amparo (migration ${unknown}): update Amparo, then restore`,
    );
  }
  if (header.migrations.some((m, i) => known[i] !== m)) {
    throw new CliError("the backup's migrations don't match this Amparo's: nothing was restored");
  }
}

/**
 * The store's database at the dump's schema, refused when it holds data. An empty store
 * already migrated past the dump (started once) is made again: migrations only go forward.
 */
async function emptyStoreAt(cluster: EmbeddedCluster, header: DumpHeader): Promise<Database> {
  let database = await openDatabase({ databaseUrl: cluster.url, poolSize: 2 });
  const applied = await database
    .withConnection((q) => appliedMigrations(q))
    .catch(() => [] as string[]);
  if (applied.length > 0) {
    const full = await database.withConnection(async (q) => nonEmptyTables(q, await listTables(q)));
    if (full.length > 0) {
      await database.close();
      throw new CliError(
        `the store already holds data (${full.slice(0, 3).join(", ")}): restore into an empty data directory (AMPARO_DATA_DIR=<new folder>)`,
      );
    }
    if (applied.length > header.migrations.length) {
      await database.close();
      await recreateDatabase(cluster.url);
      database = await openDatabase({ databaseUrl: cluster.url, poolSize: 2 });
    }
  }
  await migrate(database, { upTo: header.schemaVersion });
  return database;
}

async function recreateDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE "${name}"`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function restorePglite(file: string, config: Config): Promise<void> {
  const target = join(config.dataDir, "pglite");
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CliError(`${target} is not empty; move it away first`);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const database = await openPglite(config.dataDir, new Blob([readFileSync(file)]));
  await migrate(database);
  await database.close();
  console.log(`Restored ${file} into ${config.dataDir}.`);
}
