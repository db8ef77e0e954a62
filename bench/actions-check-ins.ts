// Check-ins per second through the JSON API against PostgreSQL (bench/actions.bench.ts
// part 2): the app as a child process on loopback, POST /api/v1/events/{id}/check_ins, 20
// concurrent clients, every one of the 2,000 people checked in once; next to the same SQL
// statements the API sends for one check-in (recorded from the driver, then replayed with
// each person's id) sent directly through `pg`, with the same 20 clients and a pool of the
// app's size. The baseline runs before and after the API; the ratio is to their mean.
import pg from "pg";
import { createApp } from "../src/app";
import { EventBus } from "../src/platform/events";
import type { prepareBenchStore } from "./bench-app";
import { log, post, type Running, round, startAndWait, stop } from "./funds-support";

const CLIENTS = 20;
const POOL_SIZE = 10; // the app's PostgreSQL pool (db/client.ts default)

type CheckInStore = Awaited<ReturnType<typeof prepareBenchStore>>;

/** What the check-in part needs of the bench's seed. */
export type CheckInSeed = {
  org: { orgId: string };
  event: { id: string };
  token: string;
  people: string[];
  probe: string;
};

type Statement = { text: string; values: unknown[] };

/**
 * The SQL one API check-in sends, as the driver sees it: every query on every pg client
 * while one request goes through the app in this process.
 */
async function recordCheckIn(s: CheckInStore, seeded: CheckInSeed): Promise<Statement[]> {
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

/** Part (2); `goal` is the ratio to reach, `people` how many must end up attended. */
export async function benchCheckIns(
  s: CheckInStore,
  seeded: CheckInSeed,
  goal: { ratio: number; people: number },
) {
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
      `    same SQL via pg ${before.perSecond}/s before, ${after.perSecond}/s after; ratio ${ratio} (goal >= ${goal.ratio})`,
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
      met: ratio >= goal.ratio && api.failed === 0 && apiAttended === goal.people,
    };
  } finally {
    if (app) await stop(app);
    await pool.end();
  }
}
