import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenFor, createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import {
  message,
  PUBLIC_URL as PUBLIC,
  personWithConsent,
  queue,
  sendAnyTime,
  testWorker,
} from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import {
  type FakeTwilio,
  signedStatus,
  startFakeTwilio,
  TWILIO_ENV,
  TWILIO_FROM,
  TWILIO_SID,
  TWILIO_TOKEN,
} from "../../../test/support/twilio";
import { contactBounces, outbox } from "./messaging.schema";
import type { OutboxWorker } from "./outbox-worker";
import { createTwilioTransport } from "./twilio";

describe.each(STORES)("Twilio status callbacks on %s", (store) => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let twilio: FakeTwilio;
  let worker: OutboxWorker;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    t = await createTestApp(store, {
      AMPARO_PUBLIC_URL: PUBLIC,
      ...TWILIO_ENV,
      TWILIO_API_BASE: twilio.apiBase,
    });
    org = await createOrg(t);
    await sendAnyTime(t, org.orgId);
    worker = testWorker(t, {
      transports: {
        sms: createTwilioTransport(
          {
            accountSid: TWILIO_SID,
            authToken: TWILIO_TOKEN,
            from: TWILIO_FROM,
            apiBase: twilio.apiBase,
          },
          fetch,
          `${PUBLIC}/api/twilio/status`,
        ),
      },
      rate: { sms: 1000 },
    });
  });
  afterAll(async () => {
    await worker.stop();
    await twilio.close();
    await t.close();
  });

  const post = (report: ReturnType<typeof signedStatus>, signature = report.signature) =>
    t.app.request(report.path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature,
      },
      body: report.body,
    });
  const rowFor = async (phone: string) => {
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.address, phone));
    return row;
  };
  async function sendOne() {
    const p = await personWithConsent(t, org.actor);
    await queue(t, [message(org.orgId, { channel: "sms", address: p.phone, subject: null })]);
    await worker.runOnce();
    const sent = twilio.messages.find((m) => m.to === p.phone);
    if (!sent) throw new Error("not sent");
    return { p, sent };
  }

  it("records delivered once; a late 'sent' does not undo it; a bad signature changes nothing", async () => {
    const { p, sent } = await sendOne();
    expect(sent.status_callback).toBe(`${PUBLIC}/api/twilio/status`);
    const row = await rowFor(p.phone);
    expect(row?.providerId).toBe(sent.sid);
    expect(row?.deliveryStatus).toBeNull();

    const forged = signedStatus(sent, "failed", "30006", "not-the-token-000000000000000000");
    const refused = await post(forged);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe("invalid_signature");
    expect((await rowFor(p.phone))?.deliveryStatus).toBeNull();

    for (const status of ["sent", "delivered", "delivered", "sent"]) {
      expect((await post(signedStatus(sent, status))).status).toBe(204);
    }
    const after = await rowFor(p.phone);
    expect(after?.deliveryStatus).toBe("delivered");
    expect(after?.deliveryError).toBeNull();
    expect(after?.status).toBe("sent");
    // The outbox API shows it.
    const token = await apiTokenFor(t, org.actor);
    const res = await t.app.request("/api/v1/outbox?status=sent", {
      headers: { authorization: `Bearer ${token}` },
    });
    const listed = (await res.json()).messages.find((m: { id: string }) => m.id === after?.id);
    expect(listed).toMatchObject({ delivery_status: "delivered", delivery_error: null });
  });

  it("an unreachable number (30006) records the failure and marks the contact point; 30003 only records it", async () => {
    const landline = await sendOne();
    expect((await post(signedStatus(landline.sent, "undelivered", "30006"))).status).toBe(204);
    const row = await rowFor(landline.p.phone);
    expect([row?.deliveryStatus, row?.deliveryError]).toEqual(["undelivered", "30006"]);
    const marks = () =>
      t.database.db
        .select()
        .from(contactBounces)
        .where(and(eq(contactBounces.orgId, org.orgId), eq(contactBounces.channel, "sms")));
    expect((await marks()).map((b) => [b.address, b.reason])).toEqual([
      [landline.p.phone, "twilio_30006"],
    ]);
    // The same report again: nothing new.
    expect((await post(signedStatus(landline.sent, "undelivered", "30006"))).status).toBe(204);
    expect(await marks()).toHaveLength(1);

    const off = await sendOne();
    expect((await post(signedStatus(off.sent, "failed", "30003"))).status).toBe(204);
    expect((await rowFor(off.p.phone))?.deliveryError).toBe("30003");
    expect(await marks()).toHaveLength(1);
  });

  it("an unknown message or a status we don't keep is answered 204 and changes nothing", async () => {
    const { p, sent } = await sendOne();
    const unknown = signedStatus({ ...sent, sid: `SM${"0".repeat(32)}` }, "delivered");
    expect((await post(unknown)).status).toBe(204);
    expect((await post(signedStatus(sent, "queued"))).status).toBe(204);
    expect((await rowFor(p.phone))?.deliveryStatus).toBeNull();
  });
});
