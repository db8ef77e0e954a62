// Funds benchmark: (1) the public campaign page under load against a bare node:http server
// sending the same bytes, and (2) donations through the JSON API against PostgreSQL,
// against plain single-row INSERTs through a pool of the same size, with a count check
// that no gift was lost or doubled. Not a test: it prints figures and never fails on a
// missed goal. Both servers run as child processes on loopback only.
//
//   npm run bench:funds
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:funds
//
// BENCH_SECONDS=3 makes a quick smoke run (results not written). Temp dirs and the
// PostgreSQL bench database are removed at the end.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { loadConfig } from "../src/config";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { CampaignFieldsSchema } from "../src/modules/funds/campaign";
import { createCampaign } from "../src/modules/funds/campaigns/create-campaign";
import { recordDonation } from "../src/modules/funds/gifts/record-donation";
import { createApiToken } from "../src/platform/api-tokens";
import { EventBus } from "../src/platform/events";
import { openStore } from "../src/store";
import { withAdmin, withDatabase } from "../test/support/postgres";
import { benchDonations } from "./funds-donations";
import { benchScale, seedScale } from "./funds-scale";
import {
  agent,
  BARE_SERVER,
  log,
  ROOT,
  type Running,
  round,
  startAndWait,
  stop,
} from "./funds-support";

const RESULTS = join(ROOT, "bench", "results", "funds.json");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const POOL_SIZE = 10; // the app's PostgreSQL pool (db/client.ts default)
const PAGE_GOAL = 0.7;
const GIFT_GOAL = 0.5;

// --- the store ----------------------------------------------------------------------------

type Store = {
  kind: "pglite" | "postgres";
  env: NodeJS.ProcessEnv;
  databaseUrl: string | undefined;
  cleanup(): Promise<void>;
};

async function prepareStore(): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), "amparo-bench-funds-"));
  const base = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AMPARO_DATA_DIR: dataDir,
    AMPARO_STORE: "pglite", // the figures this bench keeps were measured on PGlite
    AMPARO_SECRET_KEY: randomBytes(32).toString("base64"),
    AMPARO_LOG_REQUESTS: "false",
    NODE_ENV: "production",
  };
  if (!base) {
    env.DATABASE_URL = "";
    return {
      kind: "pglite",
      env,
      databaseUrl: undefined,
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `amparo_bench_funds_${randomBytes(4).toString("hex")}`;
  await withAdmin(base, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const databaseUrl = withDatabase(base, name);
  env.DATABASE_URL = databaseUrl;
  return {
    kind: "postgres",
    env,
    databaseUrl,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await withAdmin(base, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** An organization, a public campaign with a few gifts, and an API token. */
async function seed(store: Store) {
  const { database, cipher } = await openStore(loadConfig(store.env));
  try {
    const org = await setupOrganization(
      database.db,
      {
        org_name: "Comité Inventado de Prueba",
        slug: "comite-bench",
        time_zone: "America/Los_Angeles",
        default_language: "es",
        owner_name: "Tesorera Inventada",
        email: "tesorera@example.org",
        password: "una frase larga para la tesorera",
      },
      { onlyIfFirst: false },
    );
    const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
    const deps = { db: database.db, cipher, bus: new EventBus() };
    const campaign = await createCampaign(
      deps,
      actor,
      CampaignFieldsSchema.parse({
        slug: "fondo-bench",
        title: { es: "Fondo de defensa inventado", en: "Invented defense fund" },
        story: {
          es: "Una historia inventada para medir la página pública. ".repeat(12),
          en: "An invented story to measure the public page. ".repeat(12),
        },
        goalCents: 2_000_000,
        milestonesCents: [200_000, 1_000_000],
        public: true,
      }),
    );
    for (const amountCents of [2_500, 10_000, 5_000, 150_000]) {
      await recordDonation(deps, actor, { campaignId: campaign.id, amountCents, method: "cash" });
    }
    const token = await createApiToken(database.db, actor, "bench");
    // The campaign of 100,000 gifts (PostgreSQL only: the embedded store takes minutes).
    const scaled = store.databaseUrl ? await seedScale(database, deps, actor, actor) : null;
    return {
      orgId: org.orgId,
      campaignId: campaign.id,
      token,
      path: "/p/comite-bench/c/fondo-bench",
      scaled,
    };
  } finally {
    await database.close();
  }
}

// --- (1) the public page ------------------------------------------------------------------

type Load = {
  rps: number;
  p99Ms: number;
  p50Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
};

async function hammer(url: string, seconds: number): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { "accept-language": "es-US,es;q=0.9" },
  });
  return {
    rps: round(result.requests.average, 0),
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Two runs as one: mean rate, the worse p99, everything counted. */
function combine(x: Load, y: Load): Load {
  return {
    rps: round((x.rps + y.rps) / 2, 0),
    p99Ms: Math.max(x.p99Ms, y.p99Ms),
    p50Ms: Math.max(x.p50Ms, y.p50Ms),
    requests: x.requests + y.requests,
    non2xx: x.non2xx + y.non2xx,
    errors: x.errors + y.errors,
  };
}

async function benchPage(app: Running, path: string) {
  const res = await fetch(`${app.url}${path}`, { headers: { "accept-language": "es" } });
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [k, v] of res.headers) {
    if (!["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(k)) {
      headers[k] = v;
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), "amparo-bare-")), "response.json");
  writeFileSync(
    file,
    JSON.stringify({ status: res.status, headers, body: body.toString("base64") }),
  );
  const bare = await startAndWait(
    ["-e", BARE_SERVER],
    { ...process.env, BARE_RESPONSE: file },
    "/",
  );
  try {
    const check = Buffer.from(await (await fetch(`${bare.url}/`)).arrayBuffer());
    if (!check.equals(body)) throw new Error("the bare server does not send the same bytes");
    log(
      `\n(1) public page: ${body.length} bytes, ${CONNECTIONS} connections, ${SECONDS} s per run, runs in the order bare, Amparo, Amparo, bare (drift on a shared machine cancels out)`,
    );
    await hammer(`${bare.url}/`, 2); // warm-up
    await hammer(`${app.url}${path}`, 2);
    const runs: Load[] = [];
    for (const target of [bare.url, app.url, app.url, bare.url]) {
      runs.push(await hammer(target === bare.url ? `${bare.url}/` : `${app.url}${path}`, SECONDS));
    }
    const [b1, a1, a2, b2] = runs as [Load, Load, Load, Load];
    const bareLoad = combine(b1, b2);
    const appLoad = combine(a1, a2);
    const ratio = round(appLoad.rps / bareLoad.rps, 2);
    log(`    runs: bare ${b1.rps}, Amparo ${a1.rps}, Amparo ${a2.rps}, bare ${b2.rps} req/s`);
    log(
      `    bare node:http   ${bareLoad.rps} req/s  p50 ${bareLoad.p50Ms} ms  p99 ${bareLoad.p99Ms} ms`,
    );
    log(
      `    Amparo           ${appLoad.rps} req/s  p50 ${appLoad.p50Ms} ms  p99 ${appLoad.p99Ms} ms  (non-2xx ${appLoad.non2xx}, errors ${appLoad.errors})`,
    );
    log(`    ratio ${ratio} (goal >= ${PAGE_GOAL}) ${ratio >= PAGE_GOAL ? "OK" : "MISSED"}`);
    return {
      bytes: body.length,
      runs: { order: "bare, Amparo, Amparo, bare", rps: [b1.rps, a1.rps, a2.rps, b2.rps] },
      bare: bareLoad,
      app: appLoad,
      ratio,
      goal: PAGE_GOAL,
      met: ratio >= PAGE_GOAL,
    };
  } finally {
    await stop(bare);
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

// --- (2) donations through the API: bench/funds-donations.ts ---------------------------

// --- (3) totals and ledger at scale ----------------------------------------------------

async function benchTotals(app: Running, store: Store, seeded: Awaited<ReturnType<typeof seed>>) {
  if (!store.databaseUrl || !seeded.scaled) {
    log("\n(3) totals at scale: SKIPPED — set DATABASE_URL to a PostgreSQL server.");
    return null;
  }
  log(`\n(3) totals and ledger of one campaign at scale, one request at a time`);
  const pool = new pg.Pool({ connectionString: store.databaseUrl, max: 2 });
  try {
    return await benchScale(app.url, pool, "comite-bench", seeded.token, seeded.scaled);
  } finally {
    await pool.end();
  }
}

// --- main ---------------------------------------------------------------------------------

async function main() {
  const loadAtStart = loadavg().map((l) => round(l, 2));
  log(`Amparo funds benchmark — ${cpus().length} cores, load ${loadAtStart.join(" ")}`);
  const store = await prepareStore();
  log(`store: ${store.kind}`);
  let app: Running | null = null;
  try {
    const seeded = await seed(store);
    app = await startAndWait(["--import", "tsx", "src/main.ts"], store.env, "/healthz");
    const page = await benchPage(app, seeded.path);
    const donations = await benchDonations(app, store.databaseUrl, seeded, {
      seconds: SECONDS,
      connections: CONNECTIONS,
      poolSize: POOL_SIZE,
      goal: GIFT_GOAL,
    });
    const totals = await benchTotals(app, store, seeded);
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      seconds: SECONDS,
      connections: CONNECTIONS,
      store: store.kind,
      loadAverageAtStart: loadAtStart,
      page,
      donations,
      totals,
    };
    if (SECONDS >= 10) {
      mkdirSync(dirname(RESULTS), { recursive: true });
      writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
      log(`\nwrote ${RESULTS}`);
    } else {
      log("\n(short run: results not written)");
    }
  } finally {
    if (app) await stop(app);
    agent.destroy();
    await store.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
