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
import { randomBytes, randomUUID } from "node:crypto";
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
import {
  agent,
  BARE_SERVER,
  backendCpu,
  closedLoop,
  cpuMsOf,
  log,
  post,
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
    return {
      orgId: org.orgId,
      campaignId: campaign.id,
      token,
      path: "/p/comite-bench/c/fondo-bench",
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

// --- (2) donations through the API --------------------------------------------------------

async function benchDonations(
  app: Running,
  store: Store,
  seeded: Awaited<ReturnType<typeof seed>>,
) {
  if (!store.databaseUrl) {
    log("\n(2) donations: SKIPPED — set DATABASE_URL to a PostgreSQL server to run this part.");
    return null;
  }
  const pool = new pg.Pool({ connectionString: store.databaseUrl, max: POOL_SIZE });
  const backends = async () =>
    (
      await pool.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      )
    ).rows.map((r) => r.pid);
  const giftsInDb = async () =>
    Number(
      (
        await pool.query("SELECT count(*) AS n FROM gifts WHERE campaign_id = $1", [
          seeded.campaignId,
        ])
      ).rows[0].n,
    );
  try {
    const url = `${app.url}/api/v1/campaigns/${seeded.campaignId}/donations`;
    const auth = { authorization: `Bearer ${seeded.token}` };
    const keys: string[] = [];
    const give = async (key: string) => {
      const res = await post(url, JSON.stringify({ amount_cents: 2_500, method: "cash" }), {
        ...auth,
        "idempotency-key": key,
      });
      return res;
    };
    log(
      `\n(2) donations: ${CONNECTIONS} clients, ${SECONDS} s each, PostgreSQL pool of ${POOL_SIZE}`,
    );
    // Warm-up, then measure.
    await closedLoop(1, CONNECTIONS, async () => (await give(randomUUID())).status === 201);
    const before = await giftsInDb();
    const cpu0 = { server: cpuMsOf(app.child.pid ?? 0), postgres: await backendCpu(backends) };
    const gifts = await closedLoop(SECONDS, CONNECTIONS, async () => {
      const key = randomUUID();
      const res = await give(key);
      if (res.status === 201) keys.push(key);
      return res.status >= 200 && res.status < 300;
    });
    const giftCpu = {
      serverMs: round((cpuMsOf(app.child.pid ?? 0) - cpu0.server) / Math.max(1, gifts.ok), 2),
      postgresMs: round((await cpu0.postgres()) / Math.max(1, gifts.ok), 2),
    };
    const after = await giftsInDb();
    const recorded = after - before;

    // Replays of keys already used add nothing, even 20 at once on one key.
    const sample = keys.filter((_, i) => i % Math.max(1, Math.floor(keys.length / 500)) === 0);
    const replays = await Promise.all(sample.map((k) => give(k)));
    const fresh = randomUUID();
    const burst = await Promise.all(Array.from({ length: 20 }, () => give(fresh)));
    const afterReplays = await giftsInDb();
    const replayedOk = replays.every((r) => r.status === 200 && r.replayed);
    const burstOk =
      burst.filter((r) => r.status === 201).length === 1 &&
      burst.filter((r) => r.status === 200 && r.replayed).length === 19;

    // Baseline: plain single-row INSERTs, same number of clients, a pool of the same size.
    await pool.query(`CREATE TABLE bench_plain_inserts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), org_id uuid NOT NULL,
      amount_cents bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    const insert = () =>
      pool
        .query("INSERT INTO bench_plain_inserts (org_id, amount_cents) VALUES ($1, $2)", [
          seeded.orgId,
          2_500,
        ])
        .then(
          () => true,
          () => false,
        );
    await closedLoop(1, CONNECTIONS, insert);
    const cpu1 = { client: process.cpuUsage(), postgres: await backendCpu(backends) };
    const inserts = await closedLoop(SECONDS, CONNECTIONS, insert);
    const used = process.cpuUsage(cpu1.client);
    const insertCpu = {
      clientMs: round((used.user + used.system) / 1000 / Math.max(1, inserts.ok), 3),
      postgresMs: round((await cpu1.postgres()) / Math.max(1, inserts.ok), 3),
    };

    const ratio = round(gifts.perSecond / inserts.perSecond, 2);
    const countOk = recorded === gifts.ok && afterReplays === after + 1;
    log(
      `    gifts via API    ${gifts.perSecond}/s  p50 ${gifts.p50Ms} ms  p99 ${gifts.p99Ms} ms  (2xx ${gifts.ok}, other ${gifts.failed})`,
    );
    log(
      `    plain INSERTs    ${inserts.perSecond}/s  p50 ${inserts.p50Ms} ms  p99 ${inserts.p99Ms} ms`,
    );
    log(`    ratio ${ratio} (goal >= ${GIFT_GOAL}) ${ratio >= GIFT_GOAL ? "OK" : "MISSED"}`);
    log(
      `    CPU per gift: app server ${giftCpu.serverMs} ms, postgres ${giftCpu.postgresMs} ms; per plain INSERT: client ${insertCpu.clientMs} ms, postgres ${insertCpu.postgresMs} ms (postgres = the backends of the bench database)`,
    );
    log(
      `    count: ${gifts.ok} answered 2xx, ${recorded} gifts in the database ${recorded === gifts.ok ? "(equal: none lost, none doubled)" : "MISMATCH"}`,
    );
    log(
      `    replays: ${sample.length} used keys sent again -> ${replayedOk ? "all answered 200 with the first gift" : "WRONG"}; 20 at once on one new key -> ${burstOk ? "1 gift" : "WRONG"}; gifts after replays ${afterReplays} (expected ${after + 1})`,
    );
    return {
      gifts: { ...gifts, cpu: giftCpu },
      inserts: { ...inserts, cpu: insertCpu },
      ratio,
      goal: GIFT_GOAL,
      met: ratio >= GIFT_GOAL,
      count: {
        answered2xx: gifts.ok,
        inDatabase: recorded,
        replaysSent: sample.length,
        replaysOk: replayedOk,
        burstOfTwentyOk: burstOk,
        ok: countOk && replayedOk && burstOk,
      },
    };
  } finally {
    await pool.end();
  }
}

// --- main ---------------------------------------------------------------------------------

async function main() {
  log(
    `Amparo funds benchmark — ${cpus().length} cores, load ${loadavg()
      .map((l) => round(l, 2))
      .join(" ")}`,
  );
  const store = await prepareStore();
  log(`store: ${store.kind}`);
  let app: Running | null = null;
  try {
    const seeded = await seed(store);
    app = await startAndWait(["--import", "tsx", "src/main.ts"], store.env, "/healthz");
    const page = await benchPage(app, seeded.path);
    const donations = await benchDonations(app, store, seeded);
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      seconds: SECONDS,
      connections: CONNECTIONS,
      store: store.kind,
      page,
      donations,
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
