import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { startMailServer } from "../../../test/support/mail";
import { inventedOrganization } from "../../../test/support/organization";
import { createTestDatabase, STORES, type StoreKind } from "../../../test/support/stores";
import { loadConfig } from "../../config";
import { openStore } from "../../store";
import { messagingSettings } from "./messaging.schema";
import { enqueue } from "./outbox-store";

// The real server process sends a batch of 1,000 emails; we SIGKILL it mid-batch, start
// it again, and count what the SMTP server got: every message, each once.
// Two server starts on a shared, loaded machine: allow minutes.
vi.setConfig({ testTimeout: 480_000 });
const COUNT = 1000;
const SECRET = randomBytes(32).toString("base64");

/**
 * Where the servers keep their data: PGlite or the embedded PostgreSQL store in a data
 * directory of their own (the server starts and stops that cluster, as `npm start` does), or
 * a database on the external PostgreSQL.
 */
async function prepareStore(store: StoreKind) {
  const tmp = mkdtempSync(join(tmpdir(), "amparo-crash-"));
  chmodSync(tmp, 0o711); // as root, the embedded cluster's user `postgres` must reach it
  const dataDir = join(tmp, "data");
  const server = store === "postgres" ? await createTestDatabase(store) : undefined;
  const env: Record<string, string> = server
    ? { AMPARO_DATA_DIR: dataDir, DATABASE_URL: server.url }
    : { AMPARO_DATA_DIR: dataDir, AMPARO_STORE: store, DATABASE_URL: "" };
  return {
    env,
    cleanUp: async () => {
      await stopLeftCluster(join(dataDir, "postgres"));
      await server?.drop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** A cluster a killed server left running (a failed test: the restart normally stops it). */
async function stopLeftCluster(clusterDir: string) {
  const file = join(clusterDir, "postmaster.pid");
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running
  }
  for (let i = 0; i < 300 && existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
}

async function withStore<T>(
  env: Record<string, string>,
  fn: (db: Awaited<ReturnType<typeof openStore>>["database"]["db"]) => Promise<T>,
) {
  const config = loadConfig({ ...env, AMPARO_SECRET_KEY: SECRET });
  const { database } = await openStore(config);
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", () => {});
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once("exit", () => resolve()),
  );

describe.each(STORES)("outbox crash safety on %s", (store) => {
  it("SIGKILL mid-batch of 1,000, restart: every email arrives, each once", async () => {
    const mail = await startMailServer({ parse: false });
    const where = await prepareStore(store);
    onTestFinished(where.cleanUp);
    const orgId = await withStore(where.env, async (db) => {
      const org = await inventedOrganization(db, "crash");
      await db
        .insert(messagingSettings)
        .values({ orgId: org.orgId, windowStart: null, windowEnd: null });
      const addresses = Array.from({ length: COUNT }, (_, i) => `inventada${i}@example.org`);
      await db.execute(sql`INSERT INTO consent_records (org_id, channel, address, purpose, action, source)
        SELECT ${org.orgId}, 'email', a, 'broadcasts', 'grant', 'web_form' FROM unnest(${sql.raw(`ARRAY[${addresses.map((a) => `'${a}'`).join(",")}]`)}::text[]) AS a`);
      await enqueue(
        db,
        addresses.map((address, i) => ({
          orgId: org.orgId,
          idempotencyKey: `crash:${i}`,
          purpose: "broadcasts" as const,
          channel: "email" as const,
          address,
          personId: null,
          language: i % 2 ? ("en" as const) : ("es" as const),
          subject: `Aviso ${i}`,
          body: `Mensaje número ${i}.`,
        })),
      );
      return org.orgId;
    });
    const env = {
      ...where.env,
      AMPARO_SECRET_KEY: SECRET,
      PORT: "0",
      HOST: "127.0.0.1",
      AMPARO_SMTP_URL: mail.url,
      AMPARO_MAIL_FROM: "avisos@comite.example.org",
      AMPARO_PUBLIC_URL: "https://amparo.example.org",
      AMPARO_EMAIL_PER_SECOND: "400",
      // Short, so the restart re-claims what the killed server held; long enough that a send
      // on a loaded machine (CI runs every test file at once) finishes within its lease.
      AMPARO_OUTBOX_LEASE_SECONDS: "5",
    };
    const first = startServer(env);
    await mail.waitFor(COUNT * 0.3, 240_000);
    first.kill("SIGKILL");
    await exited(first);
    const atKill = mail.received.length;
    expect(atKill).toBeLessThan(COUNT);

    const second = startServer(env);
    await mail.waitFor(COUNT, 240_000);
    // Let the last marks land, then stop it the way an operator would.
    await new Promise((r) => setTimeout(r, 1500));
    second.kill("SIGTERM");
    await exited(second);

    const ids = mail.received.map((r) => r.messageId);
    expect(new Set(ids).size).toBe(COUNT);
    expect(ids.length).toBe(COUNT);
    // Only sends not yet recorded at the kill could be offered twice: one recorded group
    // (25) plus one in flight per sending lane (4), decision 080. The fixed Message-ID lets
    // the server keep one copy of each.
    expect(mail.repeats.length).toBeLessThanOrEqual(25 + 4);
    const rows = await withStore(where.env, (db) =>
      db.execute<{ status: string; n: number }>(
        sql`SELECT status, count(*)::int AS n FROM outbox WHERE org_id = ${orgId} GROUP BY status`,
      ),
    );
    expect(rows.rows).toEqual([{ status: "sent", n: COUNT }]);
    console.log(
      `[crash ${store}] killed after ${atKill} of ${COUNT}; repeats offered: ${mail.repeats.length}`,
    );
    await mail.close();
  });
});
