import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dumpPglite, openDatabase, openPglite } from "../../src/db/client";
import { migrate } from "../../src/db/migrate";
import { CHROMIUM_PATH } from "./browser";
import { withAdmin, withDatabase } from "./postgres";

// Migrate once: a PGlite dump every test file loads, and (with DATABASE_URL) a
// PostgreSQL template database every test file copies.
const templateName = `amparo_tpl_${process.pid}`;

export default async function setup(project: TestProject) {
  const started = Date.now();
  const pglite = await openPglite();
  await migrate(pglite);
  const dump = await dumpPglite(pglite);
  await pglite.close();
  const file = join(tmpdir(), `amparo-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);

  const url = process.env.DATABASE_URL;
  if (url) {
    const name = templateName;
    await withAdmin(url, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    });
    const tpl = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 1 });
    await migrate(tpl);
    await tpl.close();
    project.provide("postgresTemplate", name);
  } else {
    project.provide("postgresTemplate", "");
    banner(
      "PostgreSQL tests SKIPPED: DATABASE_URL is not set. To run them: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test",
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    banner(
      `Browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH}. To run them: apt-get install -y chromium`,
    );
  }
  console.log(`[amparo tests] templates ready in ${Date.now() - started} ms`);

  return async () => {
    if (url) {
      await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${templateName}`));
    }
  };
}

function banner(text: string) {
  const line = "!".repeat(Math.min(100, text.length + 4));
  console.warn(`\n${line}\n! ${text}\n${line}\n`);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
