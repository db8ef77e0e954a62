import { chmodSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

// bench:people on the embedded PostgreSQL store (AMPARO_STORE=embedded-postgres, decision
// 105): its target (a data directory of its own, like PGlite's) and the server's memory with
// the database processes it started counted in.

const round = (n: number) => Math.round(n * 10) / 10;

function statusKb(pid: number, key: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
}

/** Proportional set size: shared pages (PostgreSQL's shared buffers) split among their users. */
function pssKb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0; // the process ended meanwhile
  }
}

/** Every process below `pid` (PostgreSQL's postmaster and its backends, for the server). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/**
 * The server's memory, in MB: its own VmRSS (VmHWM for the peak) plus the PSS of the
 * processes it started (the embedded PostgreSQL cluster; none on PGlite, where the database
 * is inside the server's RSS). PSS, not RSS, for the database: each backend's RSS counts the
 * shared buffers it touched again, and summing those would count them many times over.
 */
export function memoryOf(pid: number): {
  rssMb: number;
  hwmMb: number;
  serverRssMb: number;
  databasePssMb: number;
  databaseProcesses: number;
} {
  const children = descendants(pid);
  const databaseKb = children.reduce((sum, p) => sum + pssKb(p), 0);
  const rssKb = statusKb(pid, "VmRSS");
  return {
    rssMb: round((rssKb + databaseKb) / 1024),
    hwmMb: round((statusKb(pid, "VmHWM") + databaseKb) / 1024),
    serverRssMb: round(rssKb / 1024),
    databasePssMb: round(databaseKb / 1024),
    databaseProcesses: children.length,
  };
}

/** Environments for the loaded and the empty store, in `tmp` (which the bench made). */
export function embeddedPostgresTarget(tmp: string, base: NodeJS.ProcessEnv) {
  // As root the cluster runs as the `postgres` user, which must reach the data directory.
  chmodSync(tmp, 0o711);
  const env = (dir: string) => ({
    ...base,
    DATABASE_URL: "",
    AMPARO_STORE: "embedded-postgres",
    AMPARO_DATA_DIR: join(tmp, dir),
  });
  return {
    store: "embedded-postgres" as const,
    env: env("data"),
    emptyEnv: env("empty"),
    cleanup: async () => rmSync(tmp, { recursive: true, force: true }),
  };
}
