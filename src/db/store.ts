import type { Config } from "../config";
import { createCipher, type FieldCipher, loadKey } from "../platform/crypto";
import { type Database, openDatabase } from "./client";
import { migrate } from "./migrate";

/** The database (migrated) and the field cipher, as the server and the CLI both need them. */
export async function openStore(
  config: Config,
): Promise<{ database: Database; cipher: FieldCipher }> {
  const cipher = createCipher(loadKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  return { database, cipher };
}
