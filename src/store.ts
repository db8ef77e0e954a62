import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/client";
import {
  type EmbeddedCluster,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
} from "./db/embedded-postgres";
import { migrate } from "./db/migrate";
import { isAlive } from "./db/processes";
import { createCipher, type FieldCipher, loadKey } from "./platform/crypto";

export class StoreBusyError extends Error {
  override name = "StoreBusyError";
}

export class KeyMismatchError extends Error {
  override name = "KeyMismatchError";
}

const KEY_CHECK_PLAIN = "amparo key check";
const KEY_CHECK_CONTEXT = "amparo:key_check";

/**
 * The first start seals a known value with the key; every later start opens it. A key
 * that can't (a backup restored without its key file, a new AMPARO_SECRET_KEY) stops the
 * start, before any encrypted field is read or a new one written under a second key.
 */
export async function checkKey(database: Database, cipher: FieldCipher): Promise<void> {
  return database.withConnection(async (query) => {
    const [row] = await query("SELECT sealed FROM key_check WHERE id = 1");
    if (!row) {
      const sealed = cipher.encrypt(KEY_CHECK_PLAIN, KEY_CHECK_CONTEXT);
      await query("INSERT INTO key_check (id, sealed) VALUES (1, $1) ON CONFLICT (id) DO NOTHING", [
        sealed,
      ]);
      return;
    }
    let opened = "";
    try {
      opened = cipher.decrypt(String(row.sealed), KEY_CHECK_CONTEXT);
    } catch {
      // Wrong key: the authentication tag doesn't match.
    }
    if (opened !== KEY_CHECK_PLAIN) {
      throw new KeyMismatchError(
        "the encryption key does not match this database: its encrypted fields were written with another key. Put back the key that was backed up with this data (secret.key in the data directory, or AMPARO_SECRET_KEY) and start again. Nothing was changed.",
      );
    }
  });
}

/** The database (migrated) and the field cipher, as the server and the CLI both need them. */
export async function openStore(
  config: Config,
): Promise<{ database: Database; cipher: FieldCipher }> {
  const cipher = createCipher(loadKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
  if (!config.databaseUrl && config.store === "pglite")
    refuseNewPgliteBesideCluster(config.dataDir);
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let cluster: EmbeddedCluster | undefined;
  try {
    if (!config.databaseUrl && config.store === "embedded-postgres") {
      cluster = await startEmbeddedPostgres(config.dataDir);
    }
    const database = await openDatabase({
      databaseUrl: cluster?.url ?? config.databaseUrl,
      dataDir: config.dataDir,
    });
    await migrate(database);
    await checkKey(database, cipher).catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
    return {
      database: {
        ...database,
        close: async () => {
          await database.close();
          await cluster?.stop();
          release();
        },
      },
      cipher,
    };
  } catch (error) {
    await cluster?.stop();
    release();
    throw error;
  }
}

/**
 * AMPARO_STORE=pglite left set after migrate-store would start a new, empty PGlite store
 * beside the moved data (and offer the first-run setup): refused.
 */
function refuseNewPgliteBesideCluster(dataDir: string): void {
  if (existsSync(join(dataDir, "pglite", "PG_VERSION"))) return;
  if (!existsSync(join(dataDir, "postgres", "PG_VERSION"))) return;
  throw new EmbeddedPostgresError(
    `${dataDir} holds an embedded PostgreSQL store and no PGlite one (moved by migrate-store?): unset AMPARO_STORE to start on it`,
  );
}

// An embedded store (PGlite, or the embedded PostgreSQL cluster this process starts and stops)
// is one process's: a second process on the same folder would corrupt it or stop it.
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "amparo.pid");
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new StoreBusyError(
        `another Amparo process (pid ${pid}) is using ${dataDir}. Stop it first, or use PostgreSQL (DATABASE_URL) to run both.`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
  const release = () => rmSync(file, { force: true });
  process.once("exit", release);
  return release;
}
