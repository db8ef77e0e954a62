// Actions benchmark: one action with 2,000 attendances, 80 roles and 40 materials.
//   (1) In process (app.request, no sockets): p95 of the plan page of a signed-in organizer
//       and of the readiness JSON (GET /api/v1/events/{id}/readiness), next to /healthz
//       (the same app's middleware and one SELECT 1) measured in the same run.
//   (2) PostgreSQL only: check-ins per second through the JSON API against the same SQL
//       statements sent directly through `pg` (bench/actions-check-ins.ts).
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
import { createApp } from "../src/app";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { addMaterial } from "../src/modules/actions/add-material";
import { addRole } from "../src/modules/actions/add-role";
import { addRunOfShowStep } from "../src/modules/actions/add-step";
import { createEvent } from "../src/modules/actions/create-event";
import { createApiToken } from "../src/platform/api-tokens";
import { EventBus } from "../src/platform/events";
import { benchCheckIns } from "./actions-check-ins";
import { prepareBenchStore, signIn } from "./bench-app";
import { agent, log, ROOT, round } from "./funds-support";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const PEOPLE = 2_000;
const ROLES = 80;
const MATERIALS = 40;
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
    const checkIns = await benchCheckIns(s, seeded, { ratio: GOALS.checkInRatio, people: PEOPLE });
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
