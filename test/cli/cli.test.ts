import { execFile, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { embeddedPostgresUnavailable } from "../../src/db/embedded-postgres";

// The real `amparo` command and the real server, as a newcomer runs them.
const run = promisify(execFile);
const BIN = join(process.cwd(), "bin/amparo.js");

function amparo(args: string[], env: Record<string, string>) {
  return run(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    timeout: 150_000,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

// Each step spawns Node; leave room for a slow, shared machine.
vi.setConfig({ testTimeout: 180_000 });

// The default store (embedded PostgreSQL, decision 106); PGlite where its binaries can't run.
const unavailable = await embeddedPostgresUnavailable();
if (unavailable) console.warn(`\n!!! amparo command tests on PGlite: ${unavailable}\n`);
const AMPARO_STORE = unavailable ? "pglite" : "";

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** As root the cluster runs as the `postgres` user, which must reach the data directory. */
function reachableDir(): string {
  const tmp = mkdtempSync(join(tmpdir(), "amparo-cli-"));
  temporary.push(tmp);
  chmodSync(tmp, 0o711);
  mkdirSync(join(tmp, "data"));
  return join(tmp, "data");
}

describe("amparo command on the default store", () => {
  const dataDir = reachableDir();
  const env = {
    AMPARO_STORE,
    AMPARO_DATA_DIR: dataDir,
    AMPARO_PASSWORD: "una frase larga secreta",
  };
  let apiToken = "";

  it("init creates an organization; token create prints a token as the last line", async () => {
    const init = await amparo(
      ["init", "--org", "Comité de Prueba", "--slug", "prueba", "--email", "ana@example.org"],
      env,
    );
    expect(init.stdout).toContain("prueba");
    expect(init.code).toBe(0);

    const again = await amparo(
      ["init", "--org", "Otro", "--slug", "prueba", "--email", "otra@example.org"],
      env,
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("slug");

    const token = await amparo(
      ["token", "create", "--org", "prueba", "--email", "ana@example.org"],
      env,
    );
    expect(token.code).toBe(0);
    const last = token.stdout.trim().split("\n").at(-1);
    expect(last).toMatch(/^amp_[A-Za-z0-9_-]{40,}$/);
    apiToken = last ?? "";
  });

  it("refuses bad input with a clear message and exit code 2", async () => {
    const bad = await amparo(["init", "--org", "", "--slug", "NO VALE", "--email", "x"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--slug|--email/);
    const noPassword = await amparo(
      ["init", "--org", "X", "--slug", "xx-x", "--email", "x@example.org"],
      { AMPARO_STORE, AMPARO_DATA_DIR: dataDir, AMPARO_PASSWORD: "" },
    );
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain("AMPARO_PASSWORD");
    const unknown = await amparo(["fly"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain("Usage");
  });

  it("imports people from CSV all-or-nothing, naming each bad line", async () => {
    const bad = join(dataDir, "bad.csv");
    writeFileSync(
      bad,
      "display_name,email,phone\nLuz Inventada,luz@example.org,555 010 1111\n,not-an-email,12\n",
    );
    const refused = await amparo(
      ["import", "people", bad, "--org", "prueba", "--email", "ana@example.org"],
      env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("line 3");
    expect(refused.stderr).toContain("nothing was imported");

    const good = join(dataDir, "good.csv");
    writeFileSync(
      good,
      "\uFEFFdisplay_name,email,tags,consent_email\nLuz Inventada,luz@example.org,vendedores;cocina,sí\nPedro Ficticio,,,\n",
    );
    const imported = await amparo(
      ["import", "people", good, "--org", "prueba", "--email", "ana@example.org"],
      env,
    );
    expect(imported.stdout).toContain("Imported 2 people");
  });

  let demoPassword = "";
  it("keeps the invented demo out of a real organization unless asked, and loads it once", async () => {
    // "prueba" is a real organization here: refused, saying how to keep them apart.
    const refused = await amparo(["demo"], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"Comité de Prueba"');
    expect(refused.stderr).toContain("AMPARO_DATA_DIR=./amparo-demo npx amparo demo");
    expect(refused.stderr).toContain("--force");

    const port = String(4100 + Math.floor(Math.random() * 800));
    const demo = await amparo(["demo", "--force"], { ...env, PORT: port });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/with 200 invented people/);
    expect(demo.stdout).toContain(`Sign in at http://localhost:${port}/login as demo@example.org`);
    // A second run says where to sign in, and how to get a new password.
    const twice = await amparo(["demo"], { ...env, PORT: port });
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain("already loaded");
    expect(twice.stdout).toContain(`http://localhost:${port}/login`);
    expect(twice.stdout).toContain("npx amparo demo --reset-password");
    const reset = await amparo(["demo", "--reset-password"], {
      ...env,
      AMPARO_PASSWORD: "",
      AMPARO_PUBLIC_URL: "https://amparo.example.org",
    });
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain("Sign in at https://amparo.example.org/login");
    demoPassword = /New password: (\S+)/.exec(reset.stdout)?.[1] ?? "";
    expect(demoPassword).toMatch(/^demo-/);
  });

  it("npm start serves /healthz on an existing data directory and refuses a second process", async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    // What `npm start` runs: builds dist/ when it is missing or stale, then serves from it.
    const server = spawn(process.execPath, ["scripts/start.mjs"], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        AMPARO_STORE,
        AMPARO_DATA_DIR: dataDir,
        PORT: String(port),
      },
      stdio: "pipe",
    });
    try {
      const started = Date.now();
      let status = 0;
      while (Date.now() - started < 90_000 && status !== 200) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`)
          .then((r) => r.status)
          .catch(() => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      // The token printed by the CLI works against the running server's API.
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/people?q=luz`, {
        headers: { authorization: `Bearer ${apiToken}` },
      });
      expect(res.status).toBe(200);
      const luz = (await res.json()) as {
        total_records: number;
        people: { consent: { email: boolean; sms: boolean } }[];
      };
      expect(luz.total_records).toBe(1);
      // The CSV's consent_email went to messaging's records in the import (decision 094).
      expect(luz.people[0]?.consent).toEqual({ email: true, sms: false });
      // The demo's new password signs in.
      const page = await fetch(`http://127.0.0.1:${port}/login`);
      const csrf = /amparo_csrf=([^;]+)/.exec(page.headers.get("set-cookie") ?? "")?.[1] ?? "";
      const login = await fetch(`http://127.0.0.1:${port}/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `amparo_csrf=${csrf}`,
        },
        body: new URLSearchParams({
          email: "demo@example.org",
          password: demoPassword,
          _csrf: csrf,
        }).toString(),
      });
      expect(login.status).toBe(303);
      const busy = await amparo(["migrate"], env);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain("another Amparo process");
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      // The cluster stopped with the server.
      expect(existsSync(join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    }
  });
});
