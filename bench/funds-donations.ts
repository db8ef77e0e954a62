// Donations through the JSON API against PostgreSQL (bench/funds.bench.ts part 2), with two
// baselines measured in the same run: (a) the SQL statements the app sends for a gift that
// arrives alone (the token lookup and the one gift statement of donation-statement.ts; the
// campaign is read once, as the app reads it once per process), one transaction per gift,
// sent straight through `pg` by as many clients with a pool of the same size, named as the
// app names them (parsed and planned once per connection). Gifts that arrive together are
// written by the app in shared statements (decision 108); the baseline stays one gift per
// transaction, as the issue defines it. (b) plain single-row INSERTs. Then the count check:
// 2xx answers = gifts in the database, replays add nothing.
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { campaigns } from "../src/modules/funds/funds.schema";
import { donationQuery } from "../src/modules/funds/gifts/donation-statement";
import { decide, emptyLedger } from "../src/modules/funds/ledger/ledger";
import { appliedGroup } from "../src/modules/funds/ledger/ledger-store";
import { sha256 } from "../src/platform/crypto";
import { cents } from "../src/platform/money";
import { apiTokens, memberships } from "../src/platform/platform.schema";
import { backendCpu, closedLoop, cpuMsOf, log, post, type Running, round } from "./funds-support";

const PLAIN_GOAL = 0.1;

/** The statements of one gift through the API, as the app sends them, each its own round trip. */
async function sameSqlBaseline(
  pool: pg.Pool,
  backends: () => Promise<number[]>,
  seeded: { orgId: string; campaignId: string; token: string },
  seconds: number,
  connections: number,
) {
  const orm = drizzle(pool);
  const tokenQuery = orm
    .select({ orgId: apiTokens.orgId, userId: apiTokens.userId, role: memberships.role })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, apiTokens.orgId), eq(memberships.userId, apiTokens.userId)),
    )
    .where(and(eq(apiTokens.tokenHash, sha256(seeded.token)), isNull(apiTokens.revokedAt)))
    .toSQL();
  const campaignQuery = orm
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, seeded.orgId), eq(campaigns.id, seeded.campaignId)))
    .toSQL();
  const found = await pool.query(tokenQuery.sql, tokenQuery.params);
  const row = found.rows[0] as { org_id: string; user_id: string } | undefined;
  if (!row) throw new Error("the bench token is unknown");
  const actor = { orgId: row.org_id, userId: row.user_id, role: "owner" as const };
  // The app reads a campaign once per process, then goes by the hint (decision 102).
  await pool.query({
    name: "funds_campaign_by_id",
    text: campaignQuery.sql,
    values: campaignQuery.params,
  });
  const once = async () => {
    await pool.query({ name: "api_token_actor", text: tokenQuery.sql, values: tokenQuery.params });
    const group = appliedGroup(
      decide(emptyLedger("USD"), {
        op: "record",
        id: randomUUID(),
        movement: { kind: "donation", currency: "USD", amount: cents(2_500) },
        idempotencyKey: randomUUID(),
      }),
    );
    const q = donationQuery(actor, group, {
      giftId: randomUUID(),
      campaignId: seeded.campaignId,
      currency: "USD",
      amountCents: cents(2_500),
      method: "cash",
      receivedAt: new Date(),
      donorName: null,
      anonymous: true,
      source: "api",
      externalId: null,
      eventNote: null,
      receivedByUserId: null,
      memo: null,
    });
    const res = await pool.query(q);
    return res.rowCount === 1;
  };
  await closedLoop(1, connections, once);
  const cpu0 = { client: process.cpuUsage(), postgres: await backendCpu(backends) };
  const run = await closedLoop(seconds, connections, once);
  const used = process.cpuUsage(cpu0.client);
  return {
    ...run,
    statements: 2,
    cpu: {
      clientMs: round((used.user + used.system) / 1000 / Math.max(1, run.ok), 3),
      postgresMs: round((await cpu0.postgres()) / Math.max(1, run.ok), 3),
    },
  };
}

export async function benchDonations(
  app: Running,
  databaseUrl: string | undefined,
  seeded: { orgId: string; campaignId: string; token: string },
  settings: { seconds: number; connections: number; poolSize: number; goal: number },
) {
  const {
    seconds: SECONDS,
    connections: CONNECTIONS,
    poolSize: POOL_SIZE,
    goal: GIFT_GOAL,
  } = settings;
  if (!databaseUrl) {
    log("\n(2) donations: SKIPPED — set DATABASE_URL to a PostgreSQL server to run this part.");
    return null;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
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

    // Baseline: the very statements the app sends for one gift, straight through pg.
    const same = await sameSqlBaseline(pool, backends, seeded, SECONDS, CONNECTIONS);

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
    const sameSqlRatio = round(gifts.perSecond / Math.max(1, same.perSecond), 2);
    const countOk = recorded === gifts.ok && afterReplays === after + 1;
    log(
      `    gifts via API    ${gifts.perSecond}/s  p50 ${gifts.p50Ms} ms  p99 ${gifts.p99Ms} ms  (2xx ${gifts.ok}, other ${gifts.failed})`,
    );
    log(
      `    plain INSERTs    ${inserts.perSecond}/s  p50 ${inserts.p50Ms} ms  p99 ${inserts.p99Ms} ms`,
    );
    log(
      `    same SQL via pg  ${same.perSecond}/s  p50 ${same.p50Ms} ms  p99 ${same.p99Ms} ms  (client ${same.cpu.clientMs} ms, postgres ${same.cpu.postgresMs} ms CPU per gift)`,
    );
    log(
      `    ratio to the same SQL ${sameSqlRatio} (goal >= ${GIFT_GOAL}) ${sameSqlRatio >= GIFT_GOAL ? "OK" : "MISSED"}; ratio to plain INSERTs ${ratio} (goal >= ${PLAIN_GOAL}) ${ratio >= PLAIN_GOAL ? "OK" : "MISSED"}`,
    );
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
      sameSql: same,
      inserts: { ...inserts, cpu: insertCpu },
      /** Gifts/s through the API over plain single-row INSERTs/s (goal >= 0.1). */
      ratio,
      /** Gifts/s through the API over the same SQL sent straight through pg (goal >= 0.5). */
      sameSqlRatio,
      cpu: giftCpu,
      goals: { ratio: PLAIN_GOAL, sameSqlRatio: GIFT_GOAL, serverMs: 0.5, postgresMs: 0.5 },
      met:
        ratio >= PLAIN_GOAL &&
        sameSqlRatio >= GIFT_GOAL &&
        giftCpu.serverMs <= 0.5 &&
        giftCpu.postgresMs <= 0.5,
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
