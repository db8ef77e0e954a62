// Elections benchmark (not a test; prints figures and writes bench/results/elections.json):
// (1) 5,000 voters cast ballots through the JSON API (POST /api/v1/ballots over HTTP on
//     loopback) with 50 concurrent clients, against plain single-row INSERTs through the
//     same database pool in the same run, with a check that turnout = ballots = receipts;
// (2) the STV tally of 5,000 ballots, 12 candidates, 3 seats (goal: under 1 s).
//
//   npm run bench:elections
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:elections
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app";
import { loadConfig } from "../src/config";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { closeElection } from "../src/modules/elections/close-election";
import { createElection } from "../src/modules/elections/create-election";
import { ElectionInputSchema } from "../src/modules/elections/election-input";
import { issueCredentials } from "../src/modules/elections/issue-credentials";
import { openElection } from "../src/modules/elections/open-election";
import { tally } from "../src/modules/elections/tally/tally";
import type { Actor } from "../src/platform/actor";
import { EventBus } from "../src/platform/events";
import { openStore } from "../src/store";
import { withAdmin, withDatabase } from "../test/support/postgres";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const VOTERS = Number(process.env.BENCH_VOTERS ?? 5000);
const CLIENTS = 50;
const CANDIDATES = 12;
const SEATS = 3;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** A deterministic shuffled ranking of 1-12 candidates (a small seeded generator). */
function ballots(n: number, candidates: string[], seed = 7): string[][] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, () => {
    const order = [...candidates].sort(() => next() - 0.5);
    return order.slice(0, 1 + Math.floor(next() * candidates.length));
  });
}

async function pool<T>(items: T[], clients: number, work: (item: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (i < items.length) await work(items[i++]!);
    }),
  );
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "amparo-bench-elections-"));
  const base = process.env.DATABASE_URL;
  const dbName = base ? `amparo_bench_el_${randomBytes(4).toString("hex")}` : null;
  if (base && dbName) await withAdmin(base, (a) => a.query(`CREATE DATABASE ${dbName}`));
  const config = loadConfig({
    AMPARO_DATA_DIR: dataDir,
    AMPARO_STORE: "pglite", // the figures this bench keeps were measured on PGlite
    AMPARO_SECRET_KEY: randomBytes(32).toString("base64"),
    ...(base && dbName ? { DATABASE_URL: withDatabase(base, dbName) } : {}),
  });
  const { database, cipher } = await openStore(config);
  const bus = new EventBus();
  const deps = { db: database.db, cipher, bus };
  const app = createApp({ database, cipher, config, bus });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as AddressInfo).port;
  try {
    const org = await setupOrganization(
      database.db,
      {
        org_name: "Bench",
        slug: "bench",
        time_zone: "America/Chicago",
        default_language: "es",
        owner_name: "Dueña Bench",
        email: "bench@example.org",
        password: "correct horse battery",
      },
      { onlyIfFirst: false },
    );
    const actor: Actor = { orgId: org.orgId, userId: org.userId, role: "owner" };
    const people = await database.db.execute<{ id: string }>(sql`
      INSERT INTO people (org_id, display_name, engagement_level)
      SELECT ${org.orgId}, 'Votante ' || g, 'active' FROM generate_series(1, ${VOTERS}) g
      RETURNING id`);
    const ids = people.rows.map((r) => r.id);
    const cands = ids.slice(0, CANDIDATES);
    const election = await createElection(
      deps,
      actor,
      ElectionInputSchema.parse({
        title: { es: "Bench", en: "Bench" },
        offices: [
          {
            name: { es: "Comité", en: "Committee" },
            seats: SEATS,
            method: "stv",
            candidates: cands,
          },
        ],
        opens_at: new Date(Date.now() - 60_000).toISOString(),
        closes_at: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    const officeId = election.offices[0]!.id;
    await openElection(deps, actor, election.id);
    const links = await issueCredentials(deps, actor, election.id);
    const choices = ballots(VOTERS, cands);

    // (1a) ballots through the API
    let failed = 0;
    const work = links.map((l, i) => ({
      token: l.path.slice("/vote/".length),
      ranking: choices[i]!,
    }));
    const t0 = performance.now();
    await pool(work, CLIENTS, async ({ token, ranking }) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/ballots`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, choices: { [officeId]: ranking } }),
      });
      if (res.status !== 201) failed++;
      await res.arrayBuffer();
    });
    const apiSeconds = (performance.now() - t0) / 1000;

    // (1b) plain single-row INSERTs through the same pool
    await database.db.execute(
      sql`CREATE TABLE IF NOT EXISTS bench_plain (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body jsonb)`,
    );
    const t1 = performance.now();
    await pool(choices, CLIENTS, async (ranking) => {
      await database.db.execute(
        sql`INSERT INTO bench_plain (body) VALUES (${JSON.stringify(ranking)}::jsonb)`,
      );
    });
    const plainSeconds = (performance.now() - t1) / 1000;

    const results = await closeElection(deps, actor, election.id);
    const counts = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM election_ballots WHERE election_id = ${election.id}`,
    );
    const consistent =
      results.turnout.ballots === VOTERS &&
      results.receipts.length === VOTERS &&
      Number(counts.rows[0]?.n) === VOTERS &&
      results.turnout.online === VOTERS;

    // (2) STV tally alone, 5 runs, the median
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      tally({
        method: "stv",
        seats: SEATS,
        candidates: cands,
        ballots: ballots(5000, cands, 11 + i),
        seed: "bench",
      });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const stvMs = times[2]!;

    const out = {
      when: new Date().toISOString(),
      store: base ? "postgres" : "pglite",
      machine: { cpus: cpus().length, load: loadavg().map((x) => Math.round(x * 100) / 100) },
      voters: VOTERS,
      clients: CLIENTS,
      api: {
        seconds: Math.round(apiSeconds * 100) / 100,
        ballots_per_second: Math.round(VOTERS / apiSeconds),
        failed,
      },
      plain_inserts: {
        seconds: Math.round(plainSeconds * 100) / 100,
        rows_per_second: Math.round(VOTERS / plainSeconds),
      },
      api_vs_plain: Math.round((plainSeconds / apiSeconds) * 100) / 100,
      consistent,
      stv_tally: {
        ballots: 5000,
        candidates: CANDIDATES,
        seats: SEATS,
        median_ms: Math.round(stvMs),
        goal_ms: 1000,
      },
    };
    log(JSON.stringify(out, null, 2));
    if (VOTERS === 5000) {
      // One file, one entry per store: the latest run on each.
      const file = join(ROOT, "bench", "results", "elections.json");
      mkdirSync(dirname(file), { recursive: true });
      const before = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as object) : {};
      writeFileSync(file, `${JSON.stringify({ ...before, [out.store]: out }, null, 2)}\n`);
      log(`written: ${file}`);
    }
  } finally {
    server.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (base && dbName) await withAdmin(base, (a) => a.query(`DROP DATABASE IF EXISTS ${dbName}`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
