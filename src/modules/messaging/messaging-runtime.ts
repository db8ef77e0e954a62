import type { Config } from "../../config";
import type { Db } from "../../db/client";
import type { FieldCipher } from "../../platform/crypto";
import { getHearing } from "../defense/hearing-lookup";
import { type ActionLookup, type ActionsAhead, planActionReminders } from "./action-messages";
import { createEmailTransport } from "./email-transport";
import { createOutboxWorker, type OutboxWorker } from "./outbox-worker";
import { planHearingReminders } from "./plan-hearing-reminders";
import type { Transport } from "./transport";
import { createTwilioTransport } from "./twilio";

// The outbox worker as the app process runs it (src/main.ts), from configuration. Without
// AMPARO_SMTP_URL or TWILIO_* a channel has no transport: its messages wait in the outbox.

export type MessagingRuntimeDeps = {
  db: Db;
  cipher: FieldCipher;
  config: Config;
  /** The actions module's published reads (passed in by main.ts, the composition root). */
  actions?: { lookup: ActionLookup; ahead: ActionsAhead };
};

const PLAN_EVERY_MS = 5 * 60_000;

export function startOutboxWorker(deps: MessagingRuntimeDeps): OutboxWorker {
  const { config } = deps;
  const transports: { email?: Transport; sms?: Transport } = {};
  if (config.mail) transports.email = createEmailTransport(config.mail);
  if (config.twilio)
    transports.sms = createTwilioTransport(
      config.twilio,
      fetch,
      config.publicUrl ? `${config.publicUrl}/api/twilio/status` : undefined,
    );
  const worker = createOutboxWorker({
    db: deps.db,
    cipher: deps.cipher,
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    transports,
    hearing: (orgId, hearingId) => getHearing(deps.db, orgId, hearingId),
    ...(deps.actions ? { action: deps.actions.lookup } : {}),
    rate: config.sendRate,
    leaseMs: config.outboxLeaseSeconds * 1000,
    // Ids and counts only: never an address or a message body.
    log: (line) => console.error(line),
  });
  worker.start();
  // Reminders are planned from the hearings themselves every few minutes (idempotent keys),
  // besides at once when defense says a hearing changed (hearing-message-listener.ts): this
  // pass catches what an event missed (a restart between the commit and the listener).
  const actions = deps.actions;
  const plan = async () => {
    await planHearingReminders(deps.db).catch((e: unknown) =>
      console.error(`hearing reminders: ${e instanceof Error ? e.message : String(e)}`),
    );
    if (actions)
      await planActionReminders(deps.db, actions.ahead).catch((e: unknown) =>
        console.error(`action reminders: ${e instanceof Error ? e.message : String(e)}`),
      );
  };
  void plan();
  const timer = setInterval(plan, PLAN_EVERY_MS);
  timer.unref();
  return {
    ...worker,
    async stop() {
      clearInterval(timer);
      await worker.stop();
    },
  };
}
