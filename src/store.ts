import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/client";
import { migrate } from "./db/migrate";
import { createCipher, type FieldCipher, loadKey } from "./platform/crypto";

export class StoreBusyError extends Error {
  override name = "StoreBusyError";
}

/** The database (migrated) and the field cipher, as the server and the CLI both need them. */
export async function openStore(
  config: Config,
): Promise<{ database: Database; cipher: FieldCipher }> {
  const cipher = createCipher(loadKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
    });
    await migrate(database);
    return {
      database: {
        ...database,
        close: async () => {
          await database.close();
          release();
        },
      },
      cipher,
    };
  } catch (error) {
    release();
    throw error;
  }
}

// PGlite is one process's database: a second process on the same folder would corrupt it.
function lockDataDir(dataDir: string): () => void {
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
