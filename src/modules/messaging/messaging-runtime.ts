import type { Config } from "../../config";
import type { Db } from "../../db/client";
import type { FieldCipher } from "../../platform/crypto";
import { createEmailTransport } from "./email-transport";
import { createOutboxWorker, type OutboxWorker } from "./outbox-worker";
import type { Transport } from "./transport";
import { createTwilioTransport } from "./twilio";

// The outbox worker as the app process runs it (src/main.ts), from configuration. Without
// AMPARO_SMTP_URL or TWILIO_* a channel has no transport: its messages wait in the outbox.

export type MessagingRuntimeDeps = {
  db: Db;
  cipher: FieldCipher;
  config: Config;
  hearingAt?: (orgId: string, hearingId: string) => Promise<Date | null>;
};

export function startOutboxWorker(deps: MessagingRuntimeDeps): OutboxWorker {
  const { config } = deps;
  const transports: { email?: Transport; sms?: Transport } = {};
  if (config.mail) transports.email = createEmailTransport(config.mail);
  if (config.twilio) transports.sms = createTwilioTransport(config.twilio);
  const worker = createOutboxWorker({
    db: deps.db,
    cipher: deps.cipher,
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    transports,
    ...(deps.hearingAt ? { hearingAt: deps.hearingAt } : {}),
    rate: config.sendRate,
    leaseMs: config.outboxLeaseSeconds * 1000,
    // Ids and counts only: never an address or a message body.
    log: (line) => console.error(line),
  });
  worker.start();
  return worker;
}
