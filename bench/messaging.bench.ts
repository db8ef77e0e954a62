// Messaging benchmark: 10,000 queued emails drained by the outbox worker into an
// in-process SMTP server, against nodemailer sending the same 10,000 messages directly
// over the same kind of pooled connection (4 connections, 4 in flight), measured before
// and after the outbox run (the ratio uses their mean). Reports
// messages/s for both and their ratio (goal >= 0.8), claim latency (p50/p95), and checks
// that every message arrived once. Not a test: it prints figures and never fails.
//
//   npm run bench:messaging
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:messaging
//
// BENCH_MESSAGES=1000 makes a quick smoke run (results not written).
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { loadConfig } from "../src/config";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { createEmailTransport } from "../src/modules/messaging/email-transport";
import { messagingSettings } from "../src/modules/messaging/messaging.schema";
import { enqueue } from "../src/modules/messaging/outbox-store";
import { createOutboxWorker } from "../src/modules/messaging/outbox-worker";
import { openStore } from "../src/store";
import { startMailServer } from "../test/support/mail";
import { withAdmin, withDatabase } from "../test/support/postgres";

const COUNT = Number(process.env.BENCH_MESSAGES ?? 10_000);
const LANES = 4;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const addresses = Array.from({ length: COUNT }, (_, i) => `inventada${i}@example.org`);
const subject = (i: number) => `Aviso ${i}: asamblea del jueves`;
const body = (i: number) => `Hola: la asamblea es el jueves a las 7. Mensaje ${i}.`;

async function direct(url: string): Promise<number> {
  const mail = await startMailServer({ parse: false });
  const transporter = nodemailer.createTransport({
    url: mail.url,
    pool: true,
    maxConnections: LANES,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  void url;
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < COUNT) {
      const i = next++;
      await transporter.sendMail({
        from: "avisos@comite.example.org",
        to: addresses[i],
        subject: subject(i),
        text: body(i),
        messageId: `<direct-${i}@comite.example.org>`,
        headers: {
          "Content-Language": "es",
          "List-Unsubscribe": "<https://amparo.example.org/u/x>",
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  const seconds = (performance.now() - started) / 1000;
  transporter.close();
  await mail.close();
  return COUNT / seconds;
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
  const config = loadConfig({ AMPARO_DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
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
    await enqueue(
      db,
      addresses.map((address, i) => ({
        orgId: org.orgId,
        idempotencyKey: `bench:${i}`,
        purpose: "broadcasts" as const,
        channel: "email" as const,
        address,
        personId: null,
        language: "es" as const,
        subject: subject(i),
        body: body(i),
      })),
    );

    // The machine is shared: direct sending is measured before and after the outbox, and
    // the ratio uses their mean, so a change of load during the run weighs on both sides.
    const directBefore = await direct("");
    const mail = await startMailServer({ parse: false });
    const claims: number[] = [];
    const worker = createOutboxWorker({
      db,
      cipher,
      publicUrl: "https://amparo.example.org",
      transports: {
        email: createEmailTransport(
          { smtpUrl: mail.url, from: "avisos@comite.example.org" },
          { maxConnections: LANES },
        ),
      },
      rate: { email: 100_000 },
      batchSize: 200,
      // Twice the SMTP connections: half the lanes send while the others record.
      concurrency: LANES * 2,
      onClaim: (ms, n) => {
        if (n > 0) claims.push(ms);
      },
    });
    const started = performance.now();
    while ((await worker.runOnce()) > 0) {}
    const seconds = (performance.now() - started) / 1000;
    await worker.stop();
    const outboxRate = COUNT / seconds;
    const directAfter = await direct("");
    const baseline = (directBefore + directAfter) / 2;
    const ids = mail.received.map((r) => r.messageId);
    const distinct = new Set(ids).size;
    const status = await db.execute<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM outbox GROUP BY status`,
    );
    await mail.close();
    const result = {
      store,
      messages: COUNT,
      lanes: LANES,
      direct_nodemailer_per_s: round(baseline),
      direct_before_after_per_s: [round(directBefore), round(directAfter)],
      outbox_per_s: round(outboxRate),
      ratio: round(outboxRate / baseline, 2),
      goal_ratio: 0.8,
      claim_ms_p50: round(percentile(claims, 50), 2),
      claim_ms_p95: round(percentile(claims, 95), 2),
      claims: claims.length,
      received: ids.length,
      distinct_received: distinct,
      duplicates: ids.length - distinct + mail.repeats.length,
      outbox_status: Object.fromEntries(status.rows.map((r) => [r.status, Number(r.n)])),
      machine: { cpus: cpus().length, loadavg: loadavg().map((l) => round(l, 2)) },
      at: new Date().toISOString(),
    };
    console.log(JSON.stringify(result, null, 2));
    if (COUNT === 10_000) {
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
