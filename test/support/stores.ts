import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client";
import { withAdmin, withDatabase } from "./postgres";

export type StoreKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export const STORES: StoreKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A fresh, migrated database of its own for one test file. */
export async function openTestDatabase(kind: StoreKind): Promise<Database> {
  if (kind === "pglite") {
    const dump = readFileSync(inject("pgliteTemplate"));
    return openDatabase({ loadDataDir: new Blob([dump]) });
  }
  const url = process.env.DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!url || !template) throw new Error("PostgreSQL tests need DATABASE_URL");
  const name = `amparo_t_${randomBytes(6).toString("hex")}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 10 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  };
}
