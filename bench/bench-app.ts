import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { createApp } from "../src/app";
import { loadConfig } from "../src/config";
import { openStore } from "../src/store";
import { withAdmin, withDatabase } from "../test/support/postgres";

// What the in-process benches share: a store of their own (PGlite in a temporary folder, or a
// new PostgreSQL database when DATABASE_URL is set, dropped afterwards) and a signed-in user.

/** A fresh store for bench `name`; BENCH_KEEP keeps its PostgreSQL database for a look after. */
export async function prepareBenchStore(name: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), `amparo-bench-${name}-`));
  const base = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AMPARO_DATA_DIR: dataDir,
    AMPARO_STORE: "pglite", // the figures these benches keep were measured on PGlite
    AMPARO_SECRET_KEY: randomBytes(32).toString("base64"),
    AMPARO_LOG_REQUESTS: "false",
    ...extraEnv,
    DATABASE_URL: "",
  };
  let drop = async () => {};
  if (base) {
    const db = `amparo_bench_${name}_${randomBytes(4).toString("hex")}`;
    await withAdmin(base, (admin) => admin.query(`CREATE DATABASE ${db}`));
    env.DATABASE_URL = withDatabase(base, db);
    if (process.env.BENCH_KEEP) console.log(`database kept: ${db}`);
    else
      drop = () =>
        withAdmin(base, (admin) => admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)).then(
          () => {},
        );
  }
  const config = loadConfig(env);
  const store = await openStore(config);
  return {
    kind: base ? ("postgres" as const) : ("pglite" as const),
    env,
    config,
    ...store,
    cleanup: async () => {
      await store.database.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
      await drop();
    },
  };
}

/** Signs a user in through the real form (in process) and returns the session's cookie header. */
export async function signIn(
  app: ReturnType<typeof createApp>,
  email: string,
  password: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const h of res.headers.getSetCookie()) {
      const [pair = ""] = h.split(";");
      const [k = "", ...v] = pair.split("=");
      jar.set(k, v.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  keep(await app.request("/login"));
  const body = new URLSearchParams({ email, password, _csrf: jar.get("amparo_csrf") ?? "" });
  const res = await app.request("/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: body.toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  keep(res);
  return cookie();
}
