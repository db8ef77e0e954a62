// Actions benchmark: one action with 2,000 attendances, 80 roles and 40 materials.
//   (1) In process (app.request, no sockets): p95 of the plan page of a signed-in organizer
//       and of the readiness JSON (GET /api/v1/events/{id}/readiness), next to /healthz
//       (the same app's middleware and one SELECT 1) measured in the same run.
//   (2) PostgreSQL only: check-ins per second through the JSON API (the app as a child
//       process on loopback, POST /api/v1/events/{id}/check_ins), 20 concurrent clients, every
//       one of the 2,000 people checked in once; next to the same SQL statements the API sends
//       for one check-in (recorded from the driver, then replayed with each person's id)
//       sent directly through `pg`, with the same 20 clients and a pool of the app's size.
//       The baseline runs before and after the API; the ratio is to their mean.
// Not a test: it prints figures and never fails on a goal.
//
//   npm run bench:actions
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:actions
//
// BENCH_ROUNDS=50 makes a quick smoke run (results not written).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createApp } from "../src/app";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { addMaterial } from "../src/modules/actions/add-material";
import { addRole } from "../src/modules/actions/add-role";
import { addRunOfShowStep } from "../src/modules/actions/add-step";
import { createEvent } from "../src/modules/actions/create-event";
import { createApiToken } from "../src/platform/api-tokens";
import { EventBus } from "../src/platform/events";
import { prepareBenchStore, signIn } from "./bench-app";
import { agent, log, post, ROOT, type Running, round, startAndWait, stop } from "./funds-support";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const PEOPLE = 2_000;
const ROLES = 80;
const MATERIALS = 40;
const CLIENTS = 20;
const POOL_SIZE = 10; // the app's PostgreSQL pool (db/client.ts default)
const GOALS = { planP95Ms: 100, readinessP95Ms: 100, checkInRatio: 0.5 };
const PASSWORD = "una frase larga para las acciones";
const RESULTS = join(ROOT, "bench", "results", "actions.json");

const prepare = () => prepareBenchStore("actions", { NODE_ENV: "production" });

type Store = Awaited<ReturnType<typeof prepare>>;

/** The seed's RSVPs: every person invited, going or maybe (nobody checked in yet). */
const RSVP_STATUS = sql`CASE WHEN p.k % 5 = 0 THEN 'maybe' WHEN p.k % 7 = 0 THEN 'invited' ELSE 'going' END`;

async function seed(s: Store) {
  const org = await setupOrganization(
    s.database.db,
    {
      org_name: "Comité Inventado de Acciones",
      slug: "acciones-bench",
      time_zone: "America/Los_Angeles",
      default_language: "es",
      owner_name: "Coordinadora Inventada",
      email: "acciones@example.org",
      password: PASSWORD,
    },
    { onlyIfFirst: false },
  );
  const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
  const deps = { db: s.database.db, cipher: s.cipher, bus: new EventBus() };
  const start = new Date(Date.now() + 14 * 86_400_000);
  start.setUTCHours(18, 0, 0, 0);
  const event = await createEvent(deps, actor, {
    slug: "marcha-grande",
    kind: "march",
    titleEs: "Marcha por las familias",
    titleEn: "March for the families",
    startsAt: start,
    endsAt: new Date(start.getTime() + 3 * 3_600_000),
    timeZone: "America/Los_Angeles",
    placeName: "Plaza Inventada",
    expectedTurnout: 2_000,
    public: true,
  });
  // 2,000 invented people (one in ten an organizer) and one more for recording a check-in.
  await s.database.db.execute(sql`
    INSERT INTO people (org_id, display_name, engagement_level, search_text, sort_name)
    SELECT ${org.orgId}, 'Persona Inventada ' || g,
      CASE WHEN g % 10 = 0 THEN 'active' WHEN g % 25 = 0 THEN 'core' ELSE 'contact' END,
      'persona inventada ' || g, 'persona inventada ' || lpad(g::text, 5, '0')
    FROM generate_series(1, ${PEOPLE + 1}) AS g`);
  await s.database.db.execute(sql`
    INSERT INTO action_attendances (org_id, event_id, person_id, status)
    SELECT ${org.orgId}, ${event.id}, p.id, ${RSVP_STATUS}
    FROM (SELECT id, row_number() OVER (ORDER BY sort_name) AS k FROM people WHERE org_id = ${org.orgId}) p`);
  const people = (
    await s.database.db.execute<{ id: string; level: string }>(
      sql`SELECT id, engagement_level AS level FROM people WHERE org_id = ${org.orgId} ORDER BY sort_name`,
    )
  ).rows;
  const organizers = people.filter((p) => p.level !== "contact");
  for (let i = 0; i < ROLES; i++) {
    const person = organizers[i % organizers.length];
    const role = i === 0 ? "lead" : i === 1 ? "deputy" : i % 3 === 0 ? "marshal" : "outreach";
    await addRole(deps, actor, event.id, { personId: person?.id, role });
  }
  for (let i = 0; i < MATERIALS; i++) {
    await addMaterial(deps, actor, event.id, {
      item: `Material inventado ${i + 1}`,
      quantity: 1 + (i % 4),
      bringerPersonId: i % 5 === 0 ? null : organizers[i % organizers.length]?.id,
    });
  }
  for (let i = 0; i < 6; i++) {
    await addRunOfShowStep(deps, actor, event.id, {
      at: new Date(start.getTime() - (6 - i) * 30 * 60_000),
      title: `Paso inventado ${i + 1}`,
    });
  }
  await s.database.db.execute(sql`ANALYZE`);
  const token = await createApiToken(s.database.db, actor, "bench");
  const probe = people[people.length - 1]?.id ?? "";
  return { org, event, token, people: people.slice(0, PEOPLE).map((p) => p.id), probe };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

async function timeIt(rounds: number, fn: () => Response | Promise<Response>) {
  const times: number[] = [];
  let cpu = process.cpuUsage();
  for (let i = 0; i < rounds + 20; i++) {
    if (i === 20) cpu = process.cpuUsage();
    const start = performance.now();
    const res = await fn();
    await res.arrayBuffer();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    if (i >= 20) times.push(ms); // the first 20 warm up
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const used = process.cpuUsage(cpu);
  // CPU time of this process per request (app and PGlite, or app and pg driver): what load
  // on a shared machine multiplies into wall time.
  const cpuMs = round((used.user + used.system) / 1000 / rounds, 2);
  return { p50Ms: round(at(0.5), 2), p95Ms: round(at(0.95), 2), maxMs: round(at(1), 2), cpuMs };
}

// --- (1) pages ------------------------------------------------------------------------------

async function benchPages(s: Store, seeded: Seeded) {
  const app = createApp({
    database: s.database,
    cipher: s.cipher,
    config: s.config,
    bus: new EventBus(),
  });
  const cookie = await signIn(app, "acciones@example.org", PASSWORD);
  const bearer = { authorization: `Bearer ${seeded.token}` };
  const baseline = await timeIt(ROUNDS, () => app.request("/healthz"));
  const plan = await timeIt(ROUNDS, () =>
    app.request(`/actions/${seeded.event.id}`, { headers: { cookie } }),
  );
  const readiness = await timeIt(ROUNDS, () =>
    app.request(`/api/v1/events/${seeded.event.id}/readiness`, { headers: bearer }),
  );
  const planHtml = await (
    await app.request(`/actions/${seeded.event.id}`, { headers: { cookie } })
  ).text();
  const planBytes = Buffer.byteLength(planHtml);
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, planHtml);
  const sample = (await (
    await app.request(`/api/v1/events/${seeded.event.id}/readiness`, { headers: bearer })
  ).json()) as { ready: boolean; missing: { code: string }[] };
  const ratio = (x: { p95Ms: number }) => round(x.p95Ms / baseline.p95Ms, 2);
  log(
    `(1) healthz p95 ${baseline.p95Ms} ms (cpu ${baseline.cpuMs} ms); plan page p95 ${plan.p95Ms} ms (x${ratio(plan)}, cpu ${plan.cpuMs} ms); readiness p95 ${readiness.p95Ms} ms (x${ratio(readiness)}, cpu ${readiness.cpuMs} ms)`,
  );
  return {
    baselineHealthz: baseline,
    planPage: { ...plan, ratioToBaselineP95: ratio(plan), bytes: planBytes },
    readiness: {
      ...readiness,
      ratioToBaselineP95: ratio(readiness),
      missingCodes: [...new Set(sample.missing.map((m) => m.code))],
    },
    met: { plan: plan.p95Ms < GOALS.planP95Ms, readiness: readiness.p95Ms < GOALS.readinessP95Ms },
  };
}

// --- (2) check-ins ------------------------------------------------------------------------

type Statement = { text: string; values: unknown[] };

/**
 * The SQL one API check-in sends, as the driver sees it: every query on every pg client
 * while one request goes through the app in this process.
 */
async function recordCheckIn(s: Store, seeded: Seeded): Promise<Statement[]> {
  const app = createApp({
    database: s.database,
    cipher: s.cipher,
    config: s.config,
    bus: new EventBus(),
  });
  const recorded: Statement[] = [];
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: the driver's overloaded signature
  (pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
    const [first, second] = args;
    if (typeof first === "string")
      recorded.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first.text === "string")
      recorded.push({
        text: first.text,
        values: first.values ?? (Array.isArray(second) ? second : []),
      });
    return original.apply(this, args as never);
  };
  try {
    const res = await app.request(`/api/v1/events/${seeded.event.id}/check_ins`, {
      method: "POST",
      headers: { authorization: `Bearer ${seeded.token}`, "content-type": "application/json" },
      body: JSON.stringify({ person_id: seeded.probe }),
    });
    if (res.status !== 200) throw new Error(`probe check-in: ${res.status} ${await res.text()}`);
  } finally {
    pg.Client.prototype.query = original;
  }
  // The page caches' LISTEN connections start with the app; they are not the request's.
  return recorded.filter((st) => !/^\s*LISTEN\b/i.test(st.text));
}

/** The recorded statements for another person: its id swapped in, times made now. */
function replayFor(statements: Statement[], probe: string, person: string): Statement[] {
  const now = new Date();
  return statements.map((st) => ({
    text: st.text,
    values: st.values.map((v) => {
      if (v === probe) return person;
      if (v instanceof Date) return now;
      if (typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(v))
        return now.toISOString();
      if (typeof v === "string" && v.includes(probe)) return v.replaceAll(probe, person);
      return v;
    }),
  }));
}

/** `clients` loops taking the next person until all are done; the rate over the whole run. */
async function fixedWork(
  people: string[],
  clients: number,
  once: (person: string) => Promise<boolean>,
) {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < people.length) {
        const person = people[next++] ?? "";
        const t0 = performance.now();
        if (await once(person)) ok += 1;
        else failed += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    ok,
    failed,
    perSecond: round(ok / seconds, 0),
    p50Ms: round(at(0.5), 2),
    p95Ms: round(at(0.95), 2),
  };
}

async function benchCheckIns(s: Store, seeded: Seeded) {
  const url = s.env.DATABASE_URL;
  if (!url)
    return { skipped: "PGlite: the app holds the only connection, so there is no pg baseline" };
  const statements = await recordCheckIn(s, seeded);
  log(
    `(2) one API check-in sends ${statements.length} statements: ${statements.map((st) => st.text.split(/\s+/).slice(0, 2).join(" ")).join(" | ")}`,
  );
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const reset = () =>
    pool.query(
      `UPDATE action_attendances a SET status = (CASE WHEN p.k % 5 = 0 THEN 'maybe' WHEN p.k % 7 = 0 THEN 'invited' ELSE 'going' END), checked_in_at = NULL
       FROM (SELECT id, row_number() OVER (ORDER BY sort_name) AS k FROM people WHERE org_id = $1) p
       WHERE a.event_id = $2 AND a.person_id = p.id`,
      [seeded.org.orgId, seeded.event.id],
    );
  const checkedIn = async () =>
    Number(
      (
        await pool.query(
          "SELECT count(*) AS n FROM action_attendances WHERE event_id = $1 AND status = 'attended' AND person_id <> $2",
          [seeded.event.id, seeded.probe],
        )
      ).rows[0].n,
    );
  let firstError: string | null = null;
  const direct = async () => {
    await reset();
    const r = await fixedWork(seeded.people, CLIENTS, async (person) => {
      const client = await pool.connect();
      try {
        for (const st of replayFor(statements, seeded.probe, person))
          await client.query(st.text, st.values);
        return true;
      } catch (error) {
        if (!firstError) firstError = (error as Error).message;
        await client.query("ROLLBACK").catch(() => {});
        return false;
      } finally {
        client.release();
      }
    });
    if (firstError) log(`    a replayed check-in failed: ${firstError}`);
    return { ...r, attendedAfter: await checkedIn() };
  };
  let app: Running | null = null;
  try {
    const before = await direct();
    await reset();
    await s.database.close(); // the app child process opens its own pool
    // BENCH_CPU_PROF=dir writes the app server's CPU profile there (node --cpu-prof).
    const prof = process.env.BENCH_CPU_PROF;
    const flags = prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : [];
    app = await startAndWait([...flags, "--import", "tsx", "src/main.ts"], s.env, "/healthz");
    const endpoint = `${app.url}/api/v1/events/${seeded.event.id}/check_ins`;
    const auth = { authorization: `Bearer ${seeded.token}` };
    const api = await fixedWork(seeded.people, CLIENTS, async (person) => {
      const res = await post(endpoint, JSON.stringify({ person_id: person }), auth);
      return res.status === 200;
    });
    const apiAttended = await checkedIn();
    await stop(app);
    app = null;
    const after = await direct();
    const directRate = (before.perSecond + after.perSecond) / 2;
    const ratio = round(api.perSecond / directRate, 2);
    log(
      `    API ${api.perSecond}/s (p50 ${api.p50Ms} ms, p95 ${api.p95Ms} ms, ${api.ok} ok, ${api.failed} failed, ${apiAttended} attended after)`,
    );
    log(
      `    same SQL via pg ${before.perSecond}/s before, ${after.perSecond}/s after; ratio ${ratio} (goal >= ${GOALS.checkInRatio})`,
    );
    return {
      clients: CLIENTS,
      poolSize: POOL_SIZE,
      statementsPerCheckIn: statements.length,
      statements: statements.map((st) => st.text.replace(/\s+/g, " ").slice(0, 160)),
      api: { ...api, attendedAfter: apiAttended },
      directBefore: before,
      directAfter: after,
      ratio,
      met: ratio >= GOALS.checkInRatio && api.failed === 0 && apiAttended === PEOPLE,
    };
  } finally {
    if (app) await stop(app);
    await pool.end();
  }
}

async function main() {
  const load0 = round(loadavg()[0] ?? 0, 2);
  const s = await prepare();
  log(`Amparo actions benchmark — ${cpus().length} cores, load ${load0}, store ${s.kind}`);
  try {
    const started = performance.now();
    const seeded = await seed(s);
    const seedSeconds = round((performance.now() - started) / 1000, 1);
    log(
      `seeded in ${seedSeconds} s: ${PEOPLE} attendances, ${ROLES} roles, ${MATERIALS} materials`,
    );
    const pages = await benchPages(s, seeded);
    const checkIns = await benchCheckIns(s, seeded);
    const results = {
      store: s.kind,
      attendances: PEOPLE,
      roles: ROLES,
      materials: MATERIALS,
      rounds: ROUNDS,
      seedSeconds,
      ...pages,
      checkIns,
      goals: GOALS,
      machine: {
        cpus: cpus().length,
        loadavg1AtStart: load0,
        loadavg1AtEnd: round(loadavg()[0] ?? 0, 2),
        node: process.version,
      },
      at: new Date().toISOString(),
    };
    console.log(JSON.stringify(results, null, 2));
    if (!process.env.BENCH_ROUNDS) {
      // One file, one entry per store: the last run on each.
      mkdirSync(dirname(RESULTS), { recursive: true });
      const all = existsSync(RESULTS)
        ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>)
        : {};
      all[s.kind] = results;
      writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
      log(`written: ${RESULTS}`);
    }
  } finally {
    agent.destroy();
    await s.cleanup();
  }
}

await main();
