import nodemailer from "nodemailer";
import type { MailConfig } from "../../config";
import { type OutgoingMessage, SendError, type Transport } from "./transport";

// Email over SMTP with nodemailer (any provider or the group's own server).
// The Message-ID is fixed by the outbox row, so a message sent again after a crash is the
// same message: mailboxes (and providers that deduplicate) keep one copy.

export function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? "amparo.invalid";
}

/**
 * The SMTP pool the outbox sends through. bench:messaging builds its direct-nodemailer
 * baseline from the same options, so both sides talk to the server the same way.
 */
export function smtpPoolOptions(config: MailConfig, options: { maxConnections?: number } = {}) {
  return {
    url: config.smtpUrl,
    pool: true as const,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: Number.POSITIVE_INFINITY,
  };
}

/** The message nodemailer is given for an outbox row (bench:messaging sends the same). */
export function emailOf(config: MailConfig, domain: string, message: OutgoingMessage) {
  const headers: Record<string, string> = {
    "Content-Language": message.language,
    "X-Amparo-Message": message.id,
  };
  if (message.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${message.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    from: config.from,
    to: message.address,
    subject: message.subject ?? "",
    text: message.body,
    messageId: `<${message.id}@${domain}>`,
    headers,
  };
}

export function createEmailTransport(
  config: MailConfig,
  options: { maxConnections?: number } = {},
): Transport {
  const transporter = nodemailer.createTransport(smtpPoolOptions(config, options));
  const domain = domainOf(config.from);
  return {
    channel: "email",
    async send(message: OutgoingMessage) {
      try {
        const info = await transporter.sendMail(emailOf(config, domain, message));
        if (info.rejected.length > 0) throw new SendError("rejected", true, true);
        return { providerId: info.messageId };
      } catch (error) {
        throw toSendError(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const code = (error as { responseCode?: unknown }).responseCode;
  const command = (error as { command?: unknown }).command;
  if (typeof code === "number" && code >= 500) {
    // 5xx to RCPT TO is the recipient refused for good: a hard bounce.
    const bounce = command === "RCPT TO" || [550, 551, 553].includes(code);
    return new SendError(`smtp_${code}`, true, bounce);
  }
  return new SendError(typeof code === "number" ? `smtp_${code}` : "smtp_unreachable", false);
}
