import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dumpPglite, openDatabase, openPglite } from "../../src/db/client";
import {
  type EmbeddedCluster,
  embeddedPostgresUnavailable,
  startEmbeddedPostgres,
} from "../../src/db/embedded-postgres";
import { migrate } from "../../src/db/migrate";
import { CHROMIUM_PATH } from "./browser";
import { withAdmin, withDatabase } from "./postgres";
import type { StoreKind } from "./stores";

// Migrate once per run. The stores are one engine in two setups (decision 107): one embedded
// PostgreSQL cluster started for the whole run, and (with DATABASE_URL) an external
// PostgreSQL; on each a template database every test file copies. PGlite (a dump every test
// file loads) only when the embedded cluster can't run here.
const templateName = `amparo_tpl_${process.pid}`;

type Cleanup = () => Promise<void> | void;

/** The run's cluster: every test file's pools at once, and data thrown away at the end. */
const TEST_CLUSTER_SETTINGS = {
  max_connections: "300", // two files at a time, each with pools of 10, spawned servers'
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
};

export default async function setup(project: TestProject) {
  const started = Date.now();
  const url = process.env.DATABASE_URL;
  const unavailable = await embeddedPostgresUnavailable();
  const stores = chooseStores(url, unavailable);
  project.provide("stores", stores);

  const cleanups: Cleanup[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const [pgliteTemplate, embedded, postgresTemplate] = await Promise.all([
      stores.includes("pglite") ? pgliteDump(cleanups) : "",
      stores.includes("embedded-postgres") ? embeddedCluster(cleanups) : undefined,
      stores.includes("postgres") && url ? templateOn(url, cleanups) : "",
    ]);
    project.provide("pgliteTemplate", pgliteTemplate);
    project.provide("embeddedPostgresUrl", embedded?.url ?? "");
    project.provide("embeddedTemplate", embedded?.template ?? "");
    project.provide("postgresTemplate", postgresTemplate);
  } catch (error) {
    await teardown();
    throw error;
  }

  if (unavailable) {
    banner(`Embedded PostgreSQL tests SKIPPED, the tests run on PGlite instead: ${unavailable}`);
  }
  if (!url) {
    banner(
      "External PostgreSQL tests SKIPPED: DATABASE_URL is not set. To run them: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test",
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    banner(
      `Browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH}. To run them: apt-get install -y chromium`,
    );
  }
  console.log(`[amparo tests] stores ${stores.join(", ")}: ready in ${Date.now() - started} ms`);
  return teardown;
}

/**
 * The embedded PostgreSQL, and the external one with DATABASE_URL; PGlite instead of the
 * embedded one when its binaries can't run here. AMPARO_TEST_STORES=pglite,... chooses.
 */
function chooseStores(url: string | undefined, unavailable: string | undefined): StoreKind[] {
  const asked = process.env.AMPARO_TEST_STORES;
  if (asked) {
    const kinds = asked.split(",").map((s) => s.trim()) as StoreKind[];
    for (const kind of kinds) {
      if (!["pglite", "embedded-postgres", "postgres"].includes(kind)) {
        throw new Error(`AMPARO_TEST_STORES: unknown store ${kind}`);
      }
      if (kind === "postgres" && !url)
        throw new Error("AMPARO_TEST_STORES=postgres needs DATABASE_URL");
      if (kind === "embedded-postgres" && unavailable) throw new Error(unavailable);
    }
    return kinds;
  }
  const embedded: StoreKind = unavailable ? "pglite" : "embedded-postgres";
  return url ? [embedded, "postgres"] : [embedded];
}

async function pgliteDump(cleanups: Cleanup[]): Promise<string> {
  const pglite = await openPglite();
  await migrate(pglite);
  const dump = await dumpPglite(pglite);
  await pglite.close();
  const file = join(tmpdir(), `amparo-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  cleanups.push(() => rmSync(file, { force: true }));
  return file;
}

/** One cluster for the run, in a temporary folder the `postgres` user can reach as root. */
async function embeddedCluster(cleanups: Cleanup[]): Promise<{ url: string; template: string }> {
  const tmp = mkdtempSync(join(tmpdir(), "amparo-test-cluster-"));
  chmodSync(tmp, 0o711);
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const cluster: EmbeddedCluster = await startEmbeddedPostgres(join(tmp, "data"), {
    settings: TEST_CLUSTER_SETTINGS,
  });
  cleanups.push(() => cluster.stop());
  return { url: cluster.url, template: await templateOn(cluster.url, cleanups) };
}

/** A migrated template database on this server, dropped at the end of the run. */
async function templateOn(url: string, cleanups: Cleanup[]): Promise<string> {
  const name = templateName;
  await withAdmin(url, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  cleanups.push(async () => {
    await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
  });
  const tpl = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 1 });
  await migrate(tpl);
  await tpl.close();
  return name;
}

function banner(text: string) {
  const line = "!".repeat(Math.min(100, text.length + 4));
  console.warn(`\n${line}\n! ${text}\n${line}\n`);
}

declare module "vitest" {
  export interface ProvidedContext {
    stores: StoreKind[];
    pgliteTemplate: string;
    embeddedPostgresUrl: string;
    embeddedTemplate: string;
    postgresTemplate: string;
  }
}
