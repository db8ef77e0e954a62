import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Purpose } from "../../src/modules/messaging/consent";
import { messagingSettings, outbox } from "../../src/modules/messaging/messaging.schema";
import { enqueue, type NewMessage } from "../../src/modules/messaging/outbox-store";
import {
  createOutboxWorker,
  type OutboxWorker,
  type WorkerOptions,
} from "../../src/modules/messaging/outbox-worker";
import { recordConsent } from "../../src/modules/messaging/record-consent";
import { createPerson } from "../../src/modules/people/create-person";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import type { Actor } from "../../src/platform/actor";
import { createOrg, type TestApp } from "./app";
import type { StoreKind } from "./stores";
import { appSuite } from "./suites";

// Invented people with contact points and consent, and messages for them.

let n = 0;
export async function personWithConsent(
  t: TestApp,
  actor: Actor,
  options: { language?: "es" | "en"; purposes?: Purpose[]; tags?: string[]; level?: string } = {},
) {
  n += 1;
  const email = `persona${n}-${randomUUID().slice(0, 6)}@example.org`;
  const phone = `+1415555${String(1000 + (n % 9000)).padStart(4, "0")}`;
  const person = await createPerson(
    t.deps,
    actor,
    PersonFieldsSchema.parse({
      displayName: `Persona Inventada ${n}`,
      emails: [{ address: email, primary: true }],
      phones: [{ number: phone, primary: true }],
      preferredLanguage: options.language ?? "es",
      tags: options.tags ?? [],
      engagementLevel: options.level ?? "contact",
    }),
  );
  for (const purpose of options.purposes ?? ["broadcasts", "hearing_reminders"]) {
    for (const contact of [email, phone]) {
      await recordConsent(t.deps, actor, person.id, {
        contact,
        purpose,
        action: "grant",
        source: "paper",
      });
    }
  }
  return { person, email, phone };
}

export function message(
  orgId: string,
  over: Partial<NewMessage> & Pick<NewMessage, "address">,
): NewMessage {
  return {
    orgId,
    idempotencyKey: `test:${randomUUID()}`,
    purpose: "broadcasts",
    channel: "email",
    personId: null,
    language: "es",
    subject: "Asamblea del jueves",
    body: "Hola: la asamblea es el jueves a las 7 de la tarde.",
    ...over,
  };
}

export async function queue(t: TestApp, messages: NewMessage[]) {
  return enqueue(t.database.db, messages);
}

/** Makes the messages queued for these people due at once. */
export const dueForPeople = (t: TestApp, personIds: string[]) =>
  t.database.db
    .update(outbox)
    .set({ sendAfter: new Date(0) })
    .where(and(inArray(outbox.personId, personIds), eq(outbox.status, "queued")));

/** This organization's sending window (null and null: any hour), written past the app. */
async function setSendWindow(
  db: TestApp["database"]["db"],
  orgId: string,
  windowStart: string | null,
  windowEnd: string | null,
) {
  await db
    .insert(messagingSettings)
    .values({ orgId, windowStart, windowEnd })
    .onConflictDoUpdate({ target: messagingSettings.orgId, set: { windowStart, windowEnd } });
}

/** A sending window that is closed right now in Los Angeles (the test organization's zone). */
export async function closeWindowNow(t: TestApp, orgId: string) {
  const hour = Temporal.Now.zonedDateTimeISO("America/Los_Angeles").hour;
  const at = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;
  await setSendWindow(t.database.db, orgId, at(hour + 2), at(hour + 3));
}

/** No quiet hours for this organization (tests run at any hour). */
export const sendAnyTime = (t: TestApp, orgId: string) => sendAnyTimeDb(t.database.db, orgId);

/** No quiet hours, on a database handle (browser tests hold the server's, not a TestApp). */
export const sendAnyTimeDb = (db: TestApp["database"]["db"], orgId: string) =>
  setSendWindow(db, orgId, null, null);

export type FakeSent = { id: string; body: string; address: string };

/** The public address the tests' apps and workers build their links on. */
export const PUBLIC_URL = "https://amparo.example.org";

/** An outbox worker on the test app's store, linking to PUBLIC_URL. */
export const testWorker = (
  t: TestApp,
  options: Omit<WorkerOptions, "db" | "cipher" | "publicUrl">,
): OutboxWorker =>
  createOutboxWorker({
    db: t.database.db,
    cipher: t.deps.cipher,
    publicUrl: PUBLIC_URL,
    ...options,
  });

/**
 * Drains the outbox through a worker whose transports only record what they were handed
 * (ids, bodies, addresses), with the send-time lookups the test gives (hearing, action).
 */
export async function drainWithFakes(
  t: TestApp,
  lookups: Pick<WorkerOptions, "hearing" | "action">,
): Promise<FakeSent[]> {
  const sent: FakeSent[] = [];
  const fake = (channel: "email" | "sms") => ({
    channel,
    send: async (m: FakeSent) => {
      sent.push(m);
      return { providerId: null };
    },
  });
  const worker = testWorker(t, {
    transports: { email: fake("email"), sms: fake("sms") },
    rate: { email: 1000, sms: 1000 },
    ...lookups,
  });
  while ((await worker.runOnce()) > 0) {}
  return sent;
}

/** An app with one organization that may be sent messages at any hour (no quiet hours). */
export type SendingOrg = { t: TestApp; org: Awaited<ReturnType<typeof createOrg>> };

/** One organization, sending at any hour, on a fresh app on `store` (with `env`) for the describe block. */
export function sendingOrg(store: StoreKind, env: Record<string, string> = {}): SendingOrg {
  return appSuite(
    store,
    async (t) => {
      const org = await createOrg(t);
      await sendAnyTime(t, org.orgId);
      return { org };
    },
    env,
  );
}
