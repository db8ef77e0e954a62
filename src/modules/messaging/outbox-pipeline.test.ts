import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type TestMailServer } from "../../../test/support/mail";
import { message, queue, sendingOrg, testWorker } from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { createEmailTransport } from "./email-transport";
import type { Transport } from "./transport";

// The worker claims the next batch while the lanes send the end of the current one
// (decision 098). Each claim still loads its own re-check context, a STOP recorded during
// the drain holds for every later claim, and stopping never strands a claimed row.

describe.each(STORES)("outbox claims ahead on %s", (store) => {
  const s = sendingOrg(store);
  let mail: TestMailServer;

  beforeAll(async () => {
    mail = await startMailServer({ parse: false });
  });
  afterAll(() => mail.close());

  async function queueMany(tag: string, count: number) {
    const addresses = Array.from({ length: count }, (_, i) => `${tag}${i}@example.org`);
    await s.t.database.db.execute(sql`INSERT INTO consent_records
        (org_id, channel, address, purpose, action, source)
      SELECT ${s.org.orgId}, 'email', a, 'broadcasts', 'grant', 'web_form'
        FROM unnest(${sql.param(addresses)}::text[]) AS a`);
    await queue(
      s.t,
      addresses.map((address, i) =>
        message(s.org.orgId, {
          address,
          idempotencyKey: `${tag}:${i}`,
          body: `Mensaje ${i}`,
          // Claimed in this order (oldest send_after first).
          sendAfter: new Date(Date.now() - 60_000 + i * 10),
        }),
      ),
    );
    return addresses;
  }
  const statuses = async (tag: string) => {
    const res = await s.t.database.db.execute<{
      status: string;
      outcome: string | null;
      n: number;
    }>(
      sql`SELECT status, outcome, count(*)::int AS n FROM outbox
           WHERE idempotency_key LIKE ${`${tag}:%`} GROUP BY status, outcome ORDER BY status`,
    );
    return res.rows.map((r) => ({ ...r, n: Number(r.n) }));
  };

  it("one run drains claim after claim, each message once; a STOP during the drain holds", async () => {
    const addresses = await queueMany("ahead", 23);
    const email = createEmailTransport({ smtpUrl: mail.url, from: "avisos@comite.example.org" });
    let sends = 0;
    // While the first claim is going out, the last address says STOP.
    const stopping: Transport = {
      ...email,
      async send(m) {
        sends += 1;
        if (sends === 1)
          await s.t.database.db.execute(sql`INSERT INTO consent_records
              (org_id, channel, address, purpose, action, source)
            VALUES (${s.org.orgId}, 'email', ${addresses[22]}, 'all', 'revoke', 'email_one_click')`);
        return email.send(m);
      },
    };
    const claims: number[] = [];
    const before = mail.received.length;
    const worker = testWorker(s.t, {
      transports: { email: stopping },
      rate: { email: 10_000 },
      batchSize: 5,
      concurrency: 2,
      onClaim: (_ms, n) => claims.push(n),
    });
    expect(await worker.runOnce()).toBe(23);
    await worker.stop();
    expect(claims).toEqual([5, 5, 5, 5, 3]);
    const got = mail.received.slice(before).map((r) => r.messageId);
    expect(got.length).toBe(22);
    expect(new Set(got).size).toBe(22);
    expect(mail.repeats).toEqual([]);
    expect(await statuses("ahead")).toEqual([
      { status: "cancelled", outcome: "stopped", n: 1 },
      { status: "sent", outcome: null, n: 22 },
    ]);
  });

  it("stopping mid-drain leaves every row sent or queued, none claimed", async () => {
    await queueMany("halt", 60);
    const worker = testWorker(s.t, {
      transports: {
        email: createEmailTransport({ smtpUrl: mail.url, from: "avisos@comite.example.org" }),
      },
      rate: { email: 20 },
      batchSize: 5,
      concurrency: 2,
    });
    const before = mail.received.length;
    worker.start();
    await mail.waitFor(before + 8);
    await worker.stop();
    const rows = await statuses("halt");
    const sent = rows.find((r) => r.status === "sent")?.n ?? 0;
    expect(rows.map((r) => r.status)).toEqual(["queued", "sent"]);
    expect(sent).toBe(mail.received.length - before);
    expect(sent).toBeLessThan(60);
  });
});
