// Messaging benchmark: 10,000 queued emails drained by the outbox worker into an
// in-process SMTP server, against nodemailer sending the same 10,000 messages directly.
// Reports messages/s for both and their ratio (goal >= 0.8), claim latency (p50/p95), CPU
// per 1,000 messages (this process; PostgreSQL's backends too when it runs here), and
// checks that every message arrived once. Not a test: it prints figures and never fails.
//
//   npm run bench:messaging
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:messaging
//
// The comparison is the same on both sides (docs/decisions/098):
// - the same nodemailer options (smtpPoolOptions: pooled, 4 connections, no limit on
//   messages per connection) and the same messages byte for byte (emailOf: same headers,
//   Message-ID, unsubscribe link of the same form, worked out for the direct side before its
//   clock starts), 8 in flight on both sides (the worker's concurrency);
// - a fresh in-process SMTP server for each run, and the same process for everything;
// - the machine is shared, so runs alternate: direct, outbox, direct, outbox, ... direct
//   (BENCH_ROUNDS outbox runs, default 3); each outbox run is divided by the mean of the
//   direct runs either side of it, and the reported ratio is the median of those.
//
// BENCH_MESSAGES=1000 makes a quick smoke run (results not written). BENCH_ONLY=outbox or
// BENCH_ONLY=direct runs one side only (for node --cpu-prof).
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import pg from "pg";
import { loadConfig } from "../src/config";
import type { Db } from "../src/db/client";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import {
  createEmailTransport,
  domainOf,
  emailOf,
  smtpPoolOptions,
} from "../src/modules/messaging/email-transport";
import { messagingSettings } from "../src/modules/messaging/messaging.schema";
import { enqueue } from "../src/modules/messaging/outbox-store";
import { createOutboxWorker } from "../src/modules/messaging/outbox-worker";
import type { OutgoingMessage } from "../src/modules/messaging/transport";
import { unsubscribeUrl } from "../src/modules/messaging/unsubscribe-token";
import type { FieldCipher } from "../src/platform/crypto";
import { openStore } from "../src/store";
import { startMailServer } from "../test/support/mail";
import { withAdmin, withDatabase } from "../test/support/postgres";

const COUNT = Number(process.env.BENCH_MESSAGES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY ?? "";
const CONNECTIONS = 4;
const IN_FLIGHT = CONNECTIONS * 2;
const FROM = "avisos@comite.example.org";
const PUBLIC_URL = "https://amparo.example.org";
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const addresses = Array.from({ length: COUNT }, (_, i) => `inventada${i}@example.org`);
const subject = (i: number) => `Aviso ${i}: asamblea del jueves`;
const body = (i: number) => `Hola: la asamblea es el jueves a las 7. Mensaje ${i}.`;
// Statements the outbox sends to PostgreSQL (every pool query), counted per run.
let statements = 0;
const poolQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  statements++;
  return (poolQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Pool.prototype.query;
const nodeCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU used so far by this database's backends, when PostgreSQL runs on this machine. */
async function backendCpu(db: Db, store: string): Promise<Map<number, number>> {
  const ticks = new Map<number, number>();
  if (store !== "postgres") return ticks;
  const res = await db.execute<{ pid: number }>(
    sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  for (const { pid } of res.rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Not on this machine (or gone): not counted.
    }
  }
  return ticks;
}
/** Milliseconds of backend CPU between two readings (clock ticks of 10 ms). */
const backendMs = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, t]) => sum + (t - (before.get(pid) ?? 0)), 0) * 10;

/** The same messages the worker would hand nodemailer, ready before the clock starts. */
function directMessages(cipher: FieldCipher): OutgoingMessage[] {
  return addresses.map((address, i) => {
    const id = randomUUID();
    return {
      id,
      channel: "email",
      address,
      language: "es",
      subject: subject(i),
      body: body(i),
      unsubscribeUrl: unsubscribeUrl(PUBLIC_URL, cipher, id),
      claimedAt: new Date(),
    };
  });
}

async function direct(cipher: FieldCipher) {
  const mail = await startMailServer({ parse: false });
  const config = { smtpUrl: mail.url, from: FROM };
  const transporter = nodemailer.createTransport(
    smtpPoolOptions(config, { maxConnections: CONNECTIONS }),
  );
  const domain = domainOf(FROM);
  const messages = directMessages(cipher);
  const cpu = nodeCpuMs();
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < COUNT) {
      const m = messages[next++];
      if (m) await transporter.sendMail(emailOf(config, domain, m));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = nodeCpuMs() - cpu;
  transporter.close();
  await mail.close();
  if (mail.received.length !== COUNT) throw new Error(`direct: ${mail.received.length} arrived`);
  return { perS: COUNT / seconds, nodeMsPer1000: (cpuMs / COUNT) * 1000 };
}

async function outboxRun(db: Db, cipher: FieldCipher, orgId: string, run: number, store: string) {
  await enqueue(
    db,
    addresses.map((address, i) => ({
      orgId,
      idempotencyKey: `bench:${run}:${i}`,
      purpose: "broadcasts" as const,
      channel: "email" as const,
      address,
      personId: null,
      language: "es" as const,
      subject: subject(i),
      body: body(i),
    })),
  );
  const mail = await startMailServer({ parse: false });
  const claims: number[] = [];
  const worker = createOutboxWorker({
    db,
    cipher,
    publicUrl: PUBLIC_URL,
    transports: {
      email: createEmailTransport(
        { smtpUrl: mail.url, from: FROM },
        { maxConnections: CONNECTIONS },
      ),
    },
    rate: { email: 100_000 },
    batchSize: 200,
    concurrency: IN_FLIGHT,
    onClaim: (ms, n) => {
      if (n > 0) claims.push(ms);
    },
  });
  const pgBefore = await backendCpu(db, store);
  const statementsBefore = statements;
  const cpu = nodeCpuMs();
  const started = performance.now();
  while ((await worker.runOnce()) > 0) {}
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = nodeCpuMs() - cpu;
  const statementsPer1000 = ((statements - statementsBefore) / COUNT) * 1000;
  const pgMs = backendMs(pgBefore, await backendCpu(db, store));
  await worker.stop();
  const ids = mail.received.map((r) => r.messageId);
  const distinct = new Set(ids).size;
  await mail.close();
  return {
    perS: COUNT / seconds,
    nodeMsPer1000: (cpuMs / COUNT) * 1000,
    postgresMsPer1000: store === "postgres" ? (pgMs / COUNT) * 1000 : null,
    statementsPer1000: store === "postgres" ? statementsPer1000 : null,
    claims,
    received: ids.length,
    distinct,
    duplicates: ids.length - distinct + mail.repeats.length,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "amparo-bench-msg-"));
  const baseUrl = process.env.DATABASE_URL;
  let databaseUrl = "";
  const dbName = `amparo_bench_msg_${randomBytes(4).toString("hex")}`;
  if (baseUrl) {
    await withAdmin(baseUrl, (a) => a.query(`CREATE DATABASE ${dbName}`));
    databaseUrl = withDatabase(baseUrl, dbName);
  }
  const config = loadConfig({
    AMPARO_DATA_DIR: dataDir,
    AMPARO_STORE: "pglite", // the figures this bench keeps were measured on PGlite
    DATABASE_URL: databaseUrl,
  });
  const { database, cipher } = await openStore(config);
  const store = baseUrl ? "postgres" : "pglite";
  try {
    const db = database.db;
    const org = await setupOrganization(
      db,
      {
        org_name: "Comité de Prueba",
        slug: "bench",
        time_zone: "America/Los_Angeles",
        default_language: "es",
        owner_name: "Dueña Inventada",
        email: "owner@example.org",
        password: "una frase larga secreta",
      },
      { onlyIfFirst: false },
    );
    await db
      .insert(messagingSettings)
      .values({ orgId: org.orgId, windowStart: null, windowEnd: null });
    for (let i = 0; i < COUNT; i += 1000) {
      const chunk = addresses.slice(i, i + 1000);
      await db.execute(sql`INSERT INTO consent_records (org_id, channel, address, purpose, action, source)
        SELECT ${org.orgId}, 'email', a, 'broadcasts', 'grant', 'web_form' FROM unnest(${sql.raw(`ARRAY[${chunk.map((a) => `'${a}'`).join(",")}]`)}::text[]) AS a`);
    }

    const directs: Awaited<ReturnType<typeof direct>>[] = [];
    const outboxes: Awaited<ReturnType<typeof outboxRun>>[] = [];
    const ratios: number[] = [];
    if (ONLY !== "outbox") directs.push(await direct(cipher));
    for (let run = 1; run <= ROUNDS; run++) {
      if (ONLY !== "direct") outboxes.push(await outboxRun(db, cipher, org.orgId, run, store));
      if (ONLY !== "outbox") directs.push(await direct(cipher));
      const o = outboxes.at(-1);
      const [before, after] = directs.slice(-2);
      if (o && before && after) ratios.push(o.perS / ((before.perS + after.perS) / 2));
    }
    const status = await db.execute<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM outbox GROUP BY status`,
    );
    const claims = outboxes.flatMap((o) => o.claims);
    const sum = (f: (o: (typeof outboxes)[number]) => number) =>
      outboxes.reduce((s, o) => s + f(o), 0);
    const result = {
      store,
      messages: COUNT,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      in_flight: IN_FLIGHT,
      direct_nodemailer_per_s: round(median(directs.map((d) => d.perS))),
      direct_runs_per_s: directs.map((d) => round(d.perS)),
      outbox_per_s: round(median(outboxes.map((o) => o.perS))),
      outbox_runs_per_s: outboxes.map((o) => round(o.perS)),
      ratio: round(median(ratios), 2),
      ratios: ratios.map((r) => round(r, 2)),
      goal_ratio: 0.8,
      cpu_ms_per_1000: {
        direct_node: round(median(directs.map((d) => d.nodeMsPer1000))),
        outbox_node: round(median(outboxes.map((o) => o.nodeMsPer1000))),
        outbox_postgres:
          store === "postgres"
            ? round(median(outboxes.map((o) => o.postgresMsPer1000 ?? 0)))
            : null,
      },
      statements_per_1000:
        store === "postgres" ? round(median(outboxes.map((o) => o.statementsPer1000 ?? 0))) : null,
      claim_ms_p50: round(percentile(claims, 50), 2),
      claim_ms_p95: round(percentile(claims, 95), 2),
      claims: claims.length,
      received: sum((o) => o.received),
      distinct_received: sum((o) => o.distinct),
      duplicates: sum((o) => o.duplicates),
      outbox_status: Object.fromEntries(status.rows.map((r) => [r.status, Number(r.n)])),
      machine: { cpus: cpus().length, loadavg: loadavg().map((l) => round(l, 2)) },
      at: new Date().toISOString(),
    };
    console.log(JSON.stringify(result, null, 2));
    if (COUNT === 10_000 && !ONLY) {
      mkdirSync(join(process.cwd(), "bench", "results"), { recursive: true });
      const file = join(
        process.cwd(),
        "bench",
        "results",
        store === "postgres" ? "messaging-postgres.json" : "messaging.json",
      );
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`written ${file}`);
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (baseUrl) await withAdmin(baseUrl, (a) => a.query(`DROP DATABASE IF EXISTS ${dbName}`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
