// Supplies benchmark: a drive with 200 needs and 20,000 movements. Measures, in process
// (app.request, no sockets), the p95 of
//   (1) the public drive page on a cache miss (the drive's pages dropped before each request,
//       as a pledge or movement would), and
//   (2) the phone-first receiving screen of a signed-in volunteer,
// each next to a bare baseline measured in the same run: /healthz (the same app's middleware
// and one SELECT 1 round trip). Not a test: it prints figures and never fails on a goal.
//
//   npm run bench:supplies
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:supplies
//
// BENCH_ROUNDS=50 makes a quick smoke run, BENCH_VACUUM=0 one on a never-vacuumed ledger
// (results of either not written).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { addDropOffPoint } from "../src/modules/supplies/add-drop-off-point";
import { addNeed } from "../src/modules/supplies/add-need";
import { createDrive } from "../src/modules/supplies/create-drive";
import { DriveFieldsSchema, NeedFieldsSchema } from "../src/modules/supplies/drive";
import { EventBus } from "../src/platform/events";
import { prepareBenchStore, signIn } from "./bench-app";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const NEEDS = 200;
const MOVEMENTS = 20_000;
const GOALS = { publicMissP95Ms: 50, receiveP95Ms: 100 };
const PASSWORD = "una frase larga para la colecta";

const prepare = () => prepareBenchStore("supplies");

async function seed(s: Awaited<ReturnType<typeof prepare>>) {
  const org = await setupOrganization(
    s.database.db,
    {
      org_name: "Comité Inventado de Abasto",
      slug: "abasto-bench",
      time_zone: "America/Los_Angeles",
      default_language: "es",
      owner_name: "Coordinadora Inventada",
      email: "abasto@example.org",
      password: PASSWORD,
    },
    { onlyIfFirst: false },
  );
  const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
  const deps = { db: s.database.db, cipher: s.cipher, bus: new EventBus() };
  const drive = await createDrive(
    deps,
    actor,
    DriveFieldsSchema.parse({
      slug: "invierno",
      title: { es: "Colecta de invierno", en: "Winter drive" },
      public: true,
    }),
  );
  const point = await addDropOffPoint(deps, actor, drive.id, {
    name: "Parroquia Inventada",
    address: "Calle Ficticia 123",
    hours: [6, 7].map((day) => ({ day, opens: "09:00", closes: "13:00" })),
  });
  for (let i = 0; i < NEEDS; i++) {
    await addNeed(
      deps,
      actor,
      drive.id,
      NeedFieldsSchema.parse({
        item: { es: `Artículo inventado ${i}` },
        quantity: 500,
        urgent: i % 10 === 0,
      }),
    );
  }
  // The ledger in bulk: three receipts of 2 for every delivery of 1, so stock stays positive.
  await s.database.db.execute(sql`
    INSERT INTO supply_movements (org_id, drive_id, need_id, point_id, kind, quantity_milli, recorded_by)
    SELECT ${org.orgId}, ${drive.id}, n.id, ${point.id},
      CASE WHEN g % 4 = 0 THEN 'delivered' ELSE 'received' END,
      CASE WHEN g % 4 = 0 THEN 1000 ELSE 2000 END, ${org.userId}
    FROM generate_series(1, ${MOVEMENTS}) AS g
    JOIN (SELECT id, row_number() OVER (ORDER BY position) - 1 AS k FROM supply_needs WHERE drive_id = ${drive.id}) n
      ON n.k = g % ${NEEDS}`);
  // What autovacuum does after a bulk load on PostgreSQL: fresh statistics, and the
  // visibility map that lets the figures' index-only scan skip the table (decision 096).
  // PGlite has no autovacuum: BENCH_VACUUM=0 measures a ledger never vacuumed (ANALYZE only).
  if (process.env.BENCH_VACUUM === "0") await s.database.db.execute(sql`ANALYZE`);
  else await s.database.db.execute(sql`VACUUM ANALYZE`);
  const count = await s.database.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM supply_movements`,
  );
  return { org, drive, movements: Number(count.rows[0]?.n) };
}

/**
 * CPU seconds used so far by the PostgreSQL backends serving the bench's database, read from
 * /proc (the server runs on this machine); null on PGlite (in process) or when unreadable.
 */
let backendCpu: () => Promise<number | null> = async () => null;

async function timeIt(rounds: number, fn: () => Response | Promise<Response>, before?: () => void) {
  const times: number[] = [];
  let cpu = { user: 0, system: 0 };
  let db: number | null = null;
  for (let i = 0; i < rounds + 20; i++) {
    if (i === 20) {
      cpu = process.cpuUsage(); // the first 20 warm up
      db = await backendCpu();
    }
    before?.();
    const start = performance.now();
    const res = await fn();
    await res.arrayBuffer();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    if (i >= 20) times.push(ms);
  }
  const used = process.cpuUsage(cpu);
  const dbAfter = await backendCpu();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(at(1)),
    // CPU time of this process per request: on a shared machine, a figure the other
    // processes' load barely moves (with PGlite it includes the database's work).
    cpuMsPerRequest: round((used.user + used.system) / 1000 / rounds),
    // The same for the PostgreSQL server's backends (the database's own work).
    ...(db !== null && dbAfter !== null
      ? { dbCpuMsPerRequest: round(((dbAfter - db) * 1000) / rounds) }
      : {}),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

async function serverCpu(db: Awaited<ReturnType<typeof prepare>>["database"]["db"]) {
  const res = await db.execute<{ pid: number }>(
    sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const { pid } of res.rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      total += (Number(fields[11]) + Number(fields[12])) / tick; // utime, stime
    } catch {
      return null;
    }
  }
  return total;
}

async function main() {
  const s = await prepare();
  try {
    const started = performance.now();
    const { org, drive, movements } = await seed(s);
    const seedSeconds = round((performance.now() - started) / 1000);
    const bus = new EventBus();
    const app = createApp({ database: s.database, cipher: s.cipher, config: s.config, bus });
    const cookie = await signIn(app, "abasto@example.org", PASSWORD);
    if (s.kind === "postgres") backendCpu = () => serverCpu(s.database.db);
    const drop = () => bus.emit("supplies.drive_changed", { orgId: org.orgId, driveId: drive.id });

    const baseline = await timeIt(ROUNDS, () => app.request("/healthz"));
    const publicMiss = await timeIt(
      ROUNDS,
      () => app.request("/p/abasto-bench/s/invierno?lang=es"),
      drop,
    );
    const publicHit = await timeIt(ROUNDS, () => app.request("/p/abasto-bench/s/invierno?lang=es"));
    const receive = await timeIt(ROUNDS, () =>
      app.request(`/supplies/${drive.id}/receive`, { headers: { cookie } }),
    );
    const results = {
      store: s.kind,
      needs: NEEDS,
      movements,
      rounds: ROUNDS,
      vacuumed: process.env.BENCH_VACUUM !== "0",
      seedSeconds,
      baselineHealthz: baseline,
      publicPageCacheMiss: {
        ...publicMiss,
        ratioToBaselineP95: round(publicMiss.p95Ms / baseline.p95Ms),
      },
      publicPageCacheHit: {
        ...publicHit,
        ratioToBaselineP95: round(publicHit.p95Ms / baseline.p95Ms),
      },
      receivingScreen: { ...receive, ratioToBaselineP95: round(receive.p95Ms / baseline.p95Ms) },
      goals: GOALS,
      met: {
        publicMiss: publicMiss.p95Ms < GOALS.publicMissP95Ms,
        receive: receive.p95Ms < GOALS.receiveP95Ms,
      },
      machine: { cpus: cpus().length, loadavg1: round(loadavg()[0] ?? 0), node: process.version },
      at: new Date().toISOString(),
    };
    console.log(JSON.stringify(results, null, 2));
    if (!process.env.BENCH_ROUNDS && process.env.BENCH_VACUUM !== "0") {
      // One file, one entry per store: the last run on each.
      const file = join(ROOT, "bench", "results", "supplies.json");
      mkdirSync(dirname(file), { recursive: true });
      const all = existsSync(file)
        ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)
        : {};
      all[s.kind] = results;
      writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
      console.log(`written: ${file}`);
    }
  } finally {
    await s.cleanup();
  }
}

await main();
