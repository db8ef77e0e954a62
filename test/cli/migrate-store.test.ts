import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { migrateStore } from "../../src/cli/migrate-store";
import { loadConfig } from "../../src/config";
import { embeddedPostgresUnavailable } from "../../src/db/embedded-postgres";
import { openStore } from "../../src/store";
import {
  A_NUMBER,
  fillStore,
  GIFTS_CENTS,
  reachableDataDir,
  readBack,
  storeEnv,
} from "../support/filled-store";

// `amparo migrate-store` (decision 106): a PGlite store filled through the app's operations
// moves into the embedded PostgreSQL store, and reads back the same through them.
// Starts a PostgreSQL cluster on a shared, loaded machine: allow minutes.
vi.setConfig({ testTimeout: 300_000 });

const unavailable = await embeddedPostgresUnavailable();
if (unavailable) {
  console.warn(
    `\n!!! SKIPPING migrate-store tests: ${unavailable}\n!!! (the embedded PostgreSQL store can't run on this machine)\n`,
  );
}

const SECRET = randomBytes(32).toString("base64");
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(unavailable)("amparo migrate-store", () => {
  it("moves every row into the embedded cluster, keeps pglite/ renamed, reads back the same", async () => {
    const dir = reachableDataDir(temporary);
    const pglite = storeEnv(dir, "pglite", SECRET);
    const embedded = storeEnv(dir, "embedded-postgres", SECRET);
    const filled = await fillStore(pglite);
    const before = await readBack(pglite, filled);
    expect(before.kind).toBe("pglite");
    expect(before.raisedCents).toBe(GIFTS_CENTS.reduce((a, b) => a + b, 0));
    expect(before.aNumber).toBe(A_NUMBER);

    // The default store beside a PGlite one refuses, naming the command.
    await expect(openStore(loadConfig(embedded))).rejects.toThrow(/npx amparo migrate-store/);

    const moved = await migrateStore(loadConfig(embedded));
    expect(moved.rows).toBeGreaterThan(10);
    expect(moved.keptAs).toMatch(/pglite\.migrated-\d{4}-\d{2}-\d{2}$/);
    expect(existsSync(join(dir, "pglite"))).toBe(false);
    expect(existsSync(join(moved.keptAs, "PG_VERSION"))).toBe(true);

    // AMPARO_STORE=pglite left set would start a new, empty PGlite store: refused.
    await expect(openStore(loadConfig(pglite))).rejects.toThrow(/unset AMPARO_STORE/);
    expect(existsSync(join(dir, "pglite"))).toBe(false);

    const after = await readBack(embedded, filled);
    expect(after.kind).toBe("postgres");
    // readBack's sensitive read added one audit row to the PGlite store before the move.
    expect(after.counts).toEqual({ ...before.counts, audit: (before.counts?.audit ?? 0) + 1 });
    expect(after.raisedCents).toBe(before.raisedCents);
    expect(after.aNumber).toBe(A_NUMBER);
  });

  it("refuses when there is no PGlite store to move", async () => {
    const dir = reachableDataDir(temporary);
    await expect(
      migrateStore(loadConfig(storeEnv(dir, "embedded-postgres", SECRET))),
    ).rejects.toThrow(/no PGlite store/);
  });
});
