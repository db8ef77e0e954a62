// Helpers for bench/funds.bench.ts: child processes on loopback, timing, a keep-alive
// HTTP client and a closed loop of concurrent clients.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../src/db/processes";

export { freePort };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const now = () => performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const log = (line: string) => process.stdout.write(`${line}\n`);

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
}

// --- child processes ----------------------------------------------------------------------

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    process.exit(130);
  });
}

export type Running = { child: ChildProcess; url: string };

export async function startAndWait(args: string[], env: NodeJS.ProcessEnv, path: string) {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const started = now();
  while (true) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    if (now() - started > 120_000) throw new Error(`no 200 on ${url}${path}: ${stderr}`);
    try {
      const res = await fetch(`${url}${path}`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  return { child, url } satisfies Running;
}

export async function stop({ child }: Running): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }
  children.delete(child);
}

// A bare node:http server: the same status, headers and body bytes, nothing else.
export const BARE_SERVER = `
const { readFileSync } = require("node:fs");
const { status, headers, body } = JSON.parse(readFileSync(process.env.BARE_RESPONSE, "utf8"));
const bytes = Buffer.from(body, "base64");
const all = { ...headers, "content-length": String(bytes.length) };
require("node:http")
  .createServer((req, res) => { res.writeHead(status, all); res.end(bytes); })
  .listen(Number(process.env.PORT), process.env.HOST);
`;

export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function post(url: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; replayed: boolean }>((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        ...headers,
      },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          replayed: res.headers["idempotent-replayed"] === "true",
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** `workers` loops, each awaiting its own request before the next, until `seconds` pass. */
export async function closedLoop(seconds: number, workers: number, once: () => Promise<boolean>) {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (now() < until) {
        const t0 = now();
        if (await once()) ok += 1;
        else failed += 1;
        latencies.push(now() - t0);
      }
    }),
  );
  const elapsed = (now() - started) / 1000;
  return {
    ok,
    failed,
    perSecond: round(ok / elapsed, 0),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p99Ms: round(percentile(latencies, 0.99), 2),
  };
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) || 0) + (Number(fields[12]) || 0)) * 10; // 100 ticks a second
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU used by the PostgreSQL backends of one database between `start()` and `stop()`, in ms
 * (backends that appear meanwhile count from zero). Reads /proc, so the server must be local.
 */
export async function backendCpu(pids: () => Promise<number[]>) {
  const at = new Map<number, number>();
  for (const pid of await pids()) at.set(pid, cpuMsOf(pid) || 0);
  return async () => {
    let total = 0;
    for (const pid of await pids()) total += (cpuMsOf(pid) || 0) - (at.get(pid) ?? 0);
    return total;
  };
}
