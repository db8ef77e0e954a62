import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type TestMailServer } from "../../../test/support/mail";
import {
  message,
  PUBLIC_URL as PUBLIC,
  personWithConsent,
  queue,
  sendingOrg,
  testWorker,
} from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { signedInbound, TWILIO_ENV } from "../../../test/support/twilio";
import { createEmailTransport } from "./email-transport";
import { consentRecords, outbox } from "./messaging.schema";

describe.each(STORES)("STOP, HELP and one-click unsubscribe on %s", (store) => {
  const s = sendingOrg(store, { AMPARO_PUBLIC_URL: PUBLIC, ...TWILIO_ENV });
  let mail: TestMailServer;
  beforeAll(async () => {
    mail = await startMailServer();
  });
  afterAll(() => mail.close());

  const inbound = (params: Record<string, string>, signature?: string) => {
    const signed = signedInbound(PUBLIC, params);
    return s.t.app.request("/api/twilio/inbound", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature ?? signed.signature,
      },
      body: signed.body,
    });
  };
  const outboxFor = (address: string) =>
    s.t.database.db.select().from(outbox).where(eq(outbox.address, address));

  it("refuses a webhook with a bad or missing signature and records nothing", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    const forged = await inbound({ From: p.phone, Body: "STOP" }, "bm90IGEgc2lnbmF0dXJl");
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.code).toBe("invalid_signature");
    const unsigned = await s.t.app.request("/api/twilio/inbound", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ From: p.phone, Body: "STOP" }).toString(),
    });
    expect(unsigned.status).toBe(400);
    // Signed for another address (a replay to a different URL) fails too.
    const elsewhere = signedInbound("https://evil.example", { From: p.phone, Body: "STOP" });
    const replay = await inbound({ From: p.phone, Body: "STOP" }, elsewhere.signature);
    expect(replay.status).toBe(400);
    const stops = await s.t.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.purpose, "all"));
    expect(stops).toHaveLength(0);
  });

  it("ALTO stops every message to the number, confirms once in Spanish; a second STOP changes nothing", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    await queue(s.t, [
      message(s.org.orgId, {
        channel: "sms",
        address: p.phone,
        subject: null,
        idempotencyKey: "pending-reminder",
        purpose: "hearing_reminders",
      }),
    ]);
    const res = await inbound({ From: p.phone, Body: " Alto! " });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    const again = await inbound({ From: p.phone, Body: "STOP" });
    expect(again.status).toBe(200);
    const rows = await outboxFor(p.phone);
    const confirmations = rows.filter((r) => r.purpose === "stop_confirmation");
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]).toMatchObject({ language: "es", essential: true });
    expect(confirmations[0]?.body).toContain("responda START");
    // The reminder queued before the stop is not sent: the worker re-checks consent.
    const sms = { channel: "sms" as const, send: async () => ({ providerId: "SMx" }) };
    const worker = testWorker(s.t, {
      transports: { sms },
      rate: { sms: 1000 },
    });
    await worker.runOnce();
    const after = await outboxFor(p.phone);
    expect(after.find((r) => r.idempotencyKey === "pending-reminder")).toMatchObject({
      status: "cancelled",
      outcome: "stopped",
    });
    expect(after.find((r) => r.purpose === "stop_confirmation")).toMatchObject({ status: "sent" });
  });

  it("HELP answers with the group's name and how to stop; other texts are not stored", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    await inbound({ From: p.phone, Body: "help" });
    await inbound({ From: p.phone, Body: "Gracias, ahí estaré" });
    const rows = await outboxFor(p.phone);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "help_reply", language: "en" });
    expect(rows[0]?.body).toContain("Comité Vecinal de Prueba");
    expect(rows[0]?.body).toContain("STOP");
  });

  it("one-click unsubscribe round trip: the link in a real email stops the address and confirms once", async () => {
    const p = await personWithConsent(s.t, s.org.actor, { language: "es" });
    const email = createEmailTransport({ smtpUrl: mail.url, from: "avisos@comite.example.org" });
    const worker = testWorker(s.t, {
      transports: { email },
      rate: { email: 1000 },
    });
    await queue(s.t, [
      message(s.org.orgId, { address: p.email, idempotencyKey: "first-broadcast" }),
    ]);
    await worker.runOnce();
    await mail.waitFor(1);
    const raw = mail.received.find((r) => r.raw.includes(p.email))?.raw ?? "";
    const link = /List-Unsubscribe: <([^>]+)>/i.exec(raw.replace(/\r?\n[ \t]+/g, " "))?.[1] ?? "";
    expect(link.startsWith(`${PUBLIC}/u/`)).toBe(true);
    const path = link.slice(PUBLIC.length);
    const page = await s.t.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("no quiero más correos");
    // What a mail provider sends for RFC 8058, with no cookie and no CSRF token.
    const oneClick = () =>
      s.t.app.request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
    expect((await oneClick()).status).toBe(200);
    expect((await oneClick()).status).toBe(200);
    const stops = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM consent_records WHERE address = ${p.email} AND purpose = 'all'`,
    );
    expect(stops.rows[0]?.n).toBe(1);
    await queue(s.t, [
      message(s.org.orgId, { address: p.email, idempotencyKey: "after-unsubscribe" }),
    ]);
    const before = mail.received.length;
    await worker.runOnce();
    await mail.waitFor(before + 1);
    const confirmation = mail.received.at(-1);
    expect(confirmation?.mail.subject).toContain("ya no recibirá nuestros correos");
    expect(mail.received.length).toBe(before + 1);
    const rows = await outboxFor(p.email);
    expect(rows.find((r) => r.idempotencyKey === "after-unsubscribe")).toMatchObject({
      status: "cancelled",
      outcome: "stopped",
    });
    expect((await s.t.app.request("/u/not-a-token", { method: "POST" })).status).toBe(404);
    await worker.stop();
  });
});
