import { randomBytes } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it, vi } from "vitest";
import { backup, restore } from "../../src/cli/backup";
import { loadConfig } from "../../src/config";
import { embeddedPostgresUnavailable } from "../../src/db/embedded-postgres";
import { migrationNames } from "../../src/db/migrate";
import { openStore } from "../../src/store";
import { fillStore, reachableDataDir, readBack, storeEnv } from "../support/filled-store";

// `amparo backup` / `restore` on the embedded PostgreSQL store (decision 106): the app's own
// logical dump, restored into a fresh data directory, reads back the same.
// Starts PostgreSQL clusters on a shared, loaded machine: allow minutes.
vi.setConfig({ testTimeout: 400_000 });

const unavailable = await embeddedPostgresUnavailable();
if (unavailable) {
  console.warn(
    `\n!!! SKIPPING backup and restore tests on the embedded PostgreSQL store: ${unavailable}\n`,
  );
}

const SECRET = randomBytes(32).toString("base64");
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const config = (dir: string) => loadConfig(storeEnv(dir, "embedded-postgres", SECRET));

describe.skipIf(unavailable)("backup and restore on the embedded PostgreSQL store", () => {
  it("backs up, restores into a fresh data directory, reads back the same; refuses a full store", async () => {
    const from = reachableDataDir(temporary);
    const env = storeEnv(from, "embedded-postgres", SECRET);
    const filled = await fillStore(env);
    const file = join(from, "..", "amparo.backup.gz");
    await backup({ args: [file], config: config(from) });
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const before = await readBack(env, filled); // its counts are read first: as backed up

    // Into a store started once, empty but for its key check (npm start on a new folder).
    const to = reachableDataDir(temporary);
    await (await openStore(config(to))).database.close();
    await restore({ args: [file], config: config(to) });
    const after = await readBack(storeEnv(to, "embedded-postgres", SECRET), filled);
    expect(after.counts).toEqual(before.counts);
    expect(after.raisedCents).toBe(before.raisedCents);
    expect(after.aNumber).toBe(before.aNumber);

    // Not into a store that holds data.
    await expect(restore({ args: [file], config: config(to) })).rejects.toThrow(
      /already holds data/,
    );
  });

  it("refuses a backup of a newer schema, and a file that is no such backup", async () => {
    const dir = reachableDataDir(temporary);
    const newer = join(dir, "..", "newer.gz");
    const header = {
      format: "amparo-dump",
      version: 1,
      schemaVersion: "9999_future",
      migrations: [...migrationNames(), "9999_future"],
      tables: [],
      createdAt: new Date().toISOString(),
    };
    writeFileSync(newer, gzipSync(`${JSON.stringify(header)}\n#end\n`));
    await expect(restore({ args: [newer], config: config(dir) })).rejects.toThrow(
      /newer Amparo \(migration 9999_future\)/,
    );
    const tar = join(dir, "..", "pglite.tar");
    writeFileSync(tar, "not gzip at all");
    await expect(restore({ args: [tar], config: config(dir) })).rejects.toThrow(
      /not a backup of the embedded PostgreSQL store.*AMPARO_STORE=pglite/,
    );
  });
});
