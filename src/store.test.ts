import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { embeddedPostgresUnavailable } from "./db/embedded-postgres";
import { KeyMismatchError, openStore } from "./store";

// The default store (decision 106); PGlite where its binaries can't run here.
const AMPARO_STORE = (await embeddedPostgresUnavailable()) ? "pglite" : "embedded-postgres";

// A data directory restored without its key file must not start: every encrypted field
// would fail to read, and new ones would be written under a second key.
describe("the key check at start", () => {
  const tmp = mkdtempSync(join(tmpdir(), "amparo-keycheck-"));
  // The default store runs as the `postgres` user when we are root: it must reach the folder.
  chmodSync(tmp, 0o711);
  const dataDir = join(tmp, "data");
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("starts again with the same key, and refuses another key with a clear message", async () => {
    const key = randomBytes(32).toString("base64");
    const first = await openStore(
      loadConfig({ AMPARO_STORE, AMPARO_DATA_DIR: dataDir, AMPARO_SECRET_KEY: key }),
    );
    const sealed = await first.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM key_check`,
    );
    expect(sealed.rows[0]?.n).toBe(1);
    await first.database.close();

    const again = await openStore(
      loadConfig({ AMPARO_STORE, AMPARO_DATA_DIR: dataDir, AMPARO_SECRET_KEY: key }),
    );
    await again.database.close();

    // The key file is what a restore without the key leaves: a new one, made on start.
    writeFileSync(join(dataDir, "secret.key"), `${randomBytes(32).toString("base64")}\n`);
    const wrong = openStore(loadConfig({ AMPARO_STORE, AMPARO_DATA_DIR: dataDir }));
    await expect(wrong).rejects.toBeInstanceOf(KeyMismatchError);
    await expect(wrong).rejects.toThrow(/encryption key does not match/);

    // Refusing left the data directory free for the right key.
    const right = await openStore(
      loadConfig({ AMPARO_STORE, AMPARO_DATA_DIR: dataDir, AMPARO_SECRET_KEY: key }),
    );
    await right.database.close();
  }, 240_000);
});
