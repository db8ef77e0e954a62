// The search rounds of the people benchmark: every query of the mix through searchPeople
// and through the same SQL sent directly (and, at 100,000, the first version's query),
// per query class, plus a few broad searches outside the mix; and EXPLAIN ANALYZE of them.
import type { Database } from "../src/db/client";
import { searchTerms } from "../src/modules/people/person";
import { EXACT_COUNT_LIMIT, searchPeople } from "../src/modules/people/search-people";
import type { Actor } from "../src/platform/actor";
import { likePattern } from "../src/platform/text";
import { type Query, rawSearch, searchSql, windowSql } from "./people-queries";
import {
  LARGE,
  log,
  median,
  now,
  ratio,
  round,
  SEARCH_GOAL_MS,
  type Stats,
  stats,
  WARMUP,
} from "./people-support";

export type Timing = { ms: number; total: number };
export type SearchRound = {
  /** searchPeople, as the routes call it. */
  app: Stats;
  /** The SQL searchPeople runs, sent directly (no ORM, no emails query). */
  raw: Stats;
  /** The first version's query (count(*) OVER () beside the page), sent directly. */
  window: Stats;
  ratioP50: number;
  ratioP95: number;
  goal: "PASS" | "MISS";
  byKind: Record<string, { app: Stats; raw: Stats; window: Stats }>;
  slowest: { q: string; appMs: number; rawMs: number; windowMs: number; total: number }[];
  /** Outside the 200: the list with no search, and searches that match most people. */
  broad: {
    q: string;
    found: number;
    appMs: number;
    appP95Ms: number;
    rawMs: number;
    windowMs: number;
  }[];
};

export const BROAD = ["", "555 01", "@example.org", "ma"];
export const BROAD_RUNS = 20;
export type Path = "app" | "raw" | "window";
// At a million people the first version's query (a full count per search) is left out: it
// only makes the run longer, and its cost is known from the 100,000 runs.
export const PATHS: Path[] = LARGE ? ["app", "raw"] : ["app", "raw", "window"];

export async function searchRound(
  database: Database,
  actor: Actor,
  queries: Query[],
  label: string,
): Promise<SearchRound> {
  return database.withConnection(async (query) => {
    const params = (q: string) => [actor.orgId, ...searchTerms(q).map(likePattern)];
    const run: Record<Path, (q: string) => Promise<Timing>> = {
      app: async (q) => {
        const t0 = now();
        const page = await searchPeople(database.db, actor, { q, page: 1, perPage: 25 });
        return { ms: now() - t0, total: page.total };
      },
      raw: async (q) => {
        const t0 = now();
        const total = await rawSearch(query, actor.orgId, q);
        return { ms: now() - t0, total };
      },
      window: async (q) => {
        const statement = windowSql(searchTerms(q).length);
        const values = params(q);
        const t0 = now();
        const rows = await query(statement, values);
        return { ms: now() - t0, total: Number(rows[0]?.total ?? 0) };
      },
    };
    /** All three paths for one query, in a rotating order so none always runs first. */
    const runAll = async (q: string, turn: number): Promise<Record<Path, Timing>> => {
      const out: Partial<Record<Path, Timing>> = {};
      for (let j = 0; j < PATHS.length; j++) {
        const path = PATHS[(turn + j) % PATHS.length] as Path;
        out[path] = await run[path](q);
      }
      const result = out as Record<Path, Timing> & { window?: Timing };
      const windowDiffers =
        result.window &&
        result.app.total <= EXACT_COUNT_LIMIT &&
        result.app.total !== result.window.total;
      if (result.app.total !== result.raw.total || windowDiffers) {
        throw new Error(
          `"${q}": app found ${result.app.total}, raw SQL ${result.raw.total}, window SQL ${result.window.total}`,
        );
      }
      return result;
    };
    // Warm up: the first queries of the mix, through every path, not measured.
    for (const [i, { q }] of queries.slice(0, WARMUP).entries()) await runAll(q, i);
    const all: Record<Path, number[]> = { app: [], raw: [], window: [] };
    const kinds: Record<string, Record<Path, number[]>> = {};
    const each: SearchRound["slowest"] = [];
    for (const [i, { q, kind }] of queries.entries()) {
      const t = await runAll(q, i);
      const k = kinds[kind] ?? { app: [], raw: [], window: [] };
      kinds[kind] = k;
      for (const path of PATHS) {
        all[path].push(t[path].ms);
        k[path].push(t[path].ms);
      }
      each.push({
        q,
        appMs: round(t.app.ms, 2),
        rawMs: round(t.raw.ms, 2),
        windowMs: round(t.window?.ms ?? 0, 2),
        total: t.app.total,
      });
    }
    const broad: SearchRound["broad"] = [];
    for (const q of BROAD) {
      const runs: Record<Path, number[]> = { app: [], raw: [], window: [] };
      let found = 0;
      await runAll(q, 0);
      for (let i = 0; i < BROAD_RUNS; i++) {
        const t = await runAll(q, i);
        found = t.app.total;
        for (const path of PATHS) runs[path].push(t[path].ms);
      }
      broad.push({
        q,
        found,
        appMs: median(runs.app),
        appP95Ms: stats(runs.app).p95,
        rawMs: median(runs.raw),
        windowMs: median(runs.window),
      });
    }
    const [app, raw, window] = [stats(all.app), stats(all.raw), stats(all.window)];
    const result: SearchRound = {
      app,
      raw,
      window,
      ratioP50: ratio(app.p50, raw.p50),
      ratioP95: ratio(app.p95, raw.p95),
      goal: app.p95 < SEARCH_GOAL_MS ? "PASS" : "MISS",
      byKind: Object.fromEntries(
        Object.entries(kinds).map(([k, v]) => [
          k,
          { app: stats(v.app), raw: stats(v.raw), window: stats(v.window) },
        ]),
      ),
      slowest: each.sort((x, y) => y.appMs - x.appMs).slice(0, 5),
      broad,
    };
    log(
      `  search (${label}): app p50 ${app.p50} ms, p95 ${app.p95} ms, max ${app.max} ms | same SQL direct p50 ${raw.p50}, p95 ${raw.p95}, max ${raw.max} | ratio p50 ${result.ratioP50}, p95 ${result.ratioP95} | goal p95 < ${SEARCH_GOAL_MS} ms: ${result.goal}`,
    );
    log(
      `    first version's query (count(*) OVER ()), direct: p50 ${window.p50}, p95 ${window.p95}, max ${window.max}`,
    );
    for (const [k, v] of Object.entries(result.byKind)) {
      log(
        `    ${k.padEnd(17)} n=${String(v.app.n).padStart(3)}  app p50 ${v.app.p50} p95 ${v.app.p95} max ${v.app.max} | SQL p50 ${v.raw.p50} p95 ${v.raw.p95} | first version p50 ${v.window.p50} p95 ${v.window.p95}`,
      );
    }
    log(
      `    slowest: ${result.slowest.map((s) => `"${s.q}" ${s.appMs} ms (${s.total} found)`).join(", ")}`,
    );
    log(
      `    outside the mix (median of ${BROAD_RUNS}): ${broad.map((b) => `${b.q ? `"${b.q}"` : "list, no search"} ${b.appMs} ms (SQL ${b.rawMs}, first version ${b.windowMs}; ${b.found} found)`).join(", ")}`,
    );
    return result;
  });
}

export async function explain(database: Database, orgId: string, q: string, shape: Path) {
  const terms = searchTerms(q);
  const statement =
    shape === "window" ? windowSql(terms.length) : (searchSql(terms.length)[0] ?? "");
  return database.withConnection(async (query) => {
    const rows = await query(`EXPLAIN (ANALYZE, BUFFERS) ${statement}`, [
      orgId,
      ...terms.map(likePattern),
    ]);
    const lines = rows.map((r) => String(r["QUERY PLAN"] ?? Object.values(r)[0]));
    return {
      q,
      // The trigram path's first statement: what searchPeople sends for terms the words
      // index does not answer (decision 110).
      query: shape === "window" ? "first version (count(*) OVER ())" : "trigram path",
      firstLine: lines[0] ?? "",
      usesTrigramIndex: lines.some((l) => l.includes("people_search_trgm_idx")),
      plan: lines,
    };
  });
}
