import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg } from "../../../test/support/app";
import { startMailServer, type TestMailServer } from "../../../test/support/mail";
import {
  closeWindowNow,
  message,
  personWithConsent,
  queue,
  sendingOrg,
  testWorker,
} from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import {
  type FakeTwilio,
  startFakeTwilio,
  TWILIO_FROM,
  TWILIO_SID,
  TWILIO_TOKEN,
} from "../../../test/support/twilio";
import { createEmailTransport } from "./email-transport";
import { contactBounces, outbox } from "./messaging.schema";
import type { NewMessage } from "./outbox-store";
import type { OutboxWorker } from "./outbox-worker";
import { createTwilioTransport } from "./twilio";
import { readUnsubscribeToken } from "./unsubscribe-token";

describe.each(STORES)("outbox worker on %s", (store) => {
  const s = sendingOrg(store);
  let mail: TestMailServer;
  let twilio: FakeTwilio;
  let worker: OutboxWorker;
  const hearings = new Map<string, Date>();

  beforeAll(async () => {
    mail = await startMailServer();
    twilio = await startFakeTwilio();
    worker = testWorker(s.t, {
      transports: {
        email: createEmailTransport({
          smtpUrl: mail.url,
          from: "Comité <avisos@comite.example.org>",
        }),
        sms: createTwilioTransport({
          accountSid: TWILIO_SID,
          authToken: TWILIO_TOKEN,
          from: TWILIO_FROM,
          apiBase: twilio.apiBase,
        }),
      },
      hearing: async (_org, id) => {
        const at = hearings.get(id);
        return at ? { at, court: null } : null;
      },
      rate: { email: 1000, sms: 1000 },
    });
  });
  afterAll(async () => {
    await worker.stop();
    await mail.close();
    await twilio.close();
  });

  const rowOf = async (id: string) => {
    const [row] = await s.t.database.db.select().from(outbox).where(eq(outbox.id, id));
    return row;
  };
  const idOf = async (key: string) => {
    const [row] = await s.t.database.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(eq(outbox.idempotencyKey, key));
    return row?.id ?? "";
  };
  /** Queues one message of the organization, runs the worker once, and reads its row back. */
  const sentOnce = async (
    over: Partial<NewMessage> & Pick<NewMessage, "address" | "idempotencyKey">,
  ) => {
    await queue(s.t, [message(s.org.orgId, over)]);
    await worker.runOnce();
    return rowOf(await idOf(over.idempotencyKey));
  };
  const sms = { channel: "sms", subject: null } as const;

  it("sends email in each language with one-click unsubscribe headers and a fixed Message-ID", async () => {
    const es = await personWithConsent(s.t, s.org.actor, { language: "es" });
    const en = await personWithConsent(s.t, s.org.actor, { language: "en" });
    await queue(s.t, [
      message(s.org.orgId, {
        address: es.email,
        idempotencyKey: "k-es",
        language: "es",
        subject: "Audiencia: 3 días",
        body: "Su audiencia es el martes.",
      }),
      message(s.org.orgId, {
        address: en.email,
        idempotencyKey: "k-en",
        language: "en",
        subject: "Hearing in 3 days",
        body: "Your hearing is on Tuesday.",
      }),
    ]);
    expect(await worker.runOnce()).toBe(2);
    await mail.waitFor(2);
    const byTo = (to: string) => mail.received.find((r) => r.raw.includes(`To: ${to}`));
    const spanish = byTo(es.email);
    const english = byTo(en.email);
    expect(spanish?.mail.subject).toBe("Audiencia: 3 días");
    expect(spanish?.mail.text?.trim()).toBe("Su audiencia es el martes.");
    expect(spanish?.mail.headers.get("content-language")).toBe("es");
    expect(english?.mail.headers.get("content-language")).toBe("en");
    const header = (raw: string | undefined, name: string) =>
      new RegExp(`^${name}: (.+)$`, "mi")
        .exec((raw ?? "").replace(/\r?\n[ \s.t]+/g, " "))?.[1]
        ?.trim();
    expect(header(english?.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = header(spanish?.raw, "List-Unsubscribe") ?? "";
    expect(link).toMatch(/^<https:\/\/amparo\.example\.org\/u\/[0-9a-f-]{36}\.[\w-]+>$/);
    // The link names the message, never the address.
    expect(link).not.toContain(es.email);
    const id = await idOf("k-es");
    expect(readUnsubscribeToken(s.t.deps.cipher, link.slice(link.indexOf("/u/") + 3, -1))).toBe(id);
    expect(spanish?.messageId).toBe(`<${id}@comite.example.org>`);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 1, claimToken: null });
  });

  it("queueing the same occurrence twice is a no-op", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    const m = message(s.org.orgId, { address: p.email, idempotencyKey: "hearing:h1:7d:p1" });
    expect(await queue(s.t, [m])).toBe(1);
    expect(await queue(s.t, [m, { ...m }])).toBe(0);
    await worker.runOnce();
  });

  it("re-checks consent at send time: no consent and stopped contact points get nothing", async () => {
    const p = await personWithConsent(s.t, s.org.actor, { purposes: ["hearing_reminders"] });
    await queue(s.t, [
      message(s.org.orgId, {
        address: p.email,
        idempotencyKey: "k-no-consent",
        purpose: "broadcasts",
      }),
    ]);
    const before = mail.received.length;
    await worker.runOnce();
    await s.t.database.db.execute(sql`INSERT INTO consent_records (org_id, channel, address, purpose, action, source)
      VALUES (${s.org.orgId}, 'email', ${p.email}, 'all', 'revoke', 'email_one_click')`);
    await queue(s.t, [
      message(s.org.orgId, {
        address: p.email,
        idempotencyKey: "k-stopped",
        purpose: "hearing_reminders",
      }),
    ]);
    await worker.runOnce();
    expect(await rowOf(await idOf("k-no-consent"))).toMatchObject({
      status: "cancelled",
      outcome: "no_consent",
    });
    expect(await rowOf(await idOf("k-stopped"))).toMatchObject({
      status: "cancelled",
      outcome: "stopped",
    });
    expect(mail.received.length).toBe(before);
  });

  it("never sends a reminder for a hearing that moved or was called off", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    const at = new Date("2027-02-10T17:00:00Z");
    hearings.set("h-moved", new Date("2027-02-17T17:00:00Z"));
    hearings.set("h-same", at);
    await queue(s.t, [
      message(s.org.orgId, {
        address: p.email,
        idempotencyKey: "k-moved",
        purpose: "hearing_reminders",
        about: { hearing: "h-moved", at: at.toISOString() },
      }),
      message(s.org.orgId, {
        address: p.email,
        idempotencyKey: "k-gone",
        purpose: "hearing_reminders",
        about: { hearing: "h-gone", at: at.toISOString() },
      }),
      message(s.org.orgId, {
        address: p.email,
        idempotencyKey: "k-same",
        purpose: "hearing_reminders",
        about: { hearing: "h-same", at: at.toISOString() },
      }),
    ]);
    await worker.runOnce();
    expect(await rowOf(await idOf("k-moved"))).toMatchObject({
      status: "cancelled",
      outcome: "hearing_moved",
    });
    expect(await rowOf(await idOf("k-gone"))).toMatchObject({
      status: "cancelled",
      outcome: "hearing_moved",
    });
    expect(await rowOf(await idOf("k-same"))).toMatchObject({ status: "sent" });
  });

  it("holds messages during quiet hours without counting an attempt", async () => {
    const quiet = await createOrg(s.t, "Grupo Nocturno de Prueba");
    await closeWindowNow(s.t, quiet.orgId);
    const p = await personWithConsent(s.t, quiet.actor);
    await queue(s.t, [message(quiet.orgId, { address: p.email, idempotencyKey: "k-night" })]);
    await worker.runOnce();
    const row = await rowOf(await idOf("k-night"));
    expect(row).toMatchObject({ status: "queued", outcome: "quiet_hours", attempts: 0 });
    const wait = (row?.sendAfter.getTime() ?? 0) - Date.now();
    expect(wait).toBeGreaterThan(60 * 60_000);
    expect(wait).toBeLessThanOrEqual(3 * 3_600_000);
  });

  it("a hard bounce marks the contact point; nothing more goes to it", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    mail.refuse.add(p.email);
    expect(await sentOnce({ address: p.email, idempotencyKey: "k-bounce" })).toMatchObject({
      status: "failed",
      outcome: "smtp_550",
    });
    const marks = await s.t.database.db
      .select()
      .from(contactBounces)
      .where(eq(contactBounces.address, p.email));
    expect(marks).toHaveLength(1);
    expect(await sentOnce({ address: p.email, idempotencyKey: "k-after-bounce" })).toMatchObject({
      status: "cancelled",
      outcome: "bounced",
    });
  });

  it("sends SMS through the Twilio API, retries a 503 with backoff, fails an invalid number", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    const q = await personWithConsent(s.t, s.org.actor);
    twilio.invalid.add(q.phone);
    const ok = await sentOnce({
      ...sms,
      address: p.phone,
      idempotencyKey: "s-ok",
      body: "Recordatorio: audiencia el martes a las 9.",
    });
    expect(ok).toMatchObject({ status: "sent" });
    expect(ok?.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.messages.find((m) => m.sid === ok?.providerId)).toMatchObject({
      to: p.phone,
      from: TWILIO_FROM,
    });

    twilio.failNext = 1;
    const retry = await sentOnce({ ...sms, address: p.phone, idempotencyKey: "s-retry" });
    expect(retry).toMatchObject({ status: "queued", outcome: "twilio_503", attempts: 1 });
    expect((retry?.sendAfter.getTime() ?? 0) - Date.now()).toBeGreaterThan(30_000);

    expect(await sentOnce({ ...sms, address: q.phone, idempotencyKey: "s-invalid" })).toMatchObject(
      {
        status: "failed",
        outcome: "twilio_21211",
      },
    );
  });

  it("after a crash, an SMS Twilio already took is recorded, not sent again", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    await queue(s.t, [
      message(s.org.orgId, {
        ...sms,
        address: p.phone,
        idempotencyKey: "s-crash",
        body: "Mensaje único",
      }),
    ]);
    const id = await idOf("s-crash");
    // A worker claimed it, Twilio accepted it, and the worker died before recording it.
    await s.t.database.db.execute(sql`UPDATE outbox SET status = 'sending', attempts = 1,
      claim_token = gen_random_uuid(), claimed_until = now() - interval '1 second' WHERE id = ${id}`);
    twilio.messages.push({
      sid: "SMcrashed",
      to: p.phone,
      from: TWILIO_FROM,
      body: "Mensaje único",
      date_created: new Date().toUTCString(),
      status_callback: null,
    });
    const before = twilio.messages.length;
    await worker.runOnce();
    expect(await rowOf(id)).toMatchObject({ status: "sent", providerId: "SMcrashed", attempts: 2 });
    expect(twilio.messages.length).toBe(before);
  });
});
