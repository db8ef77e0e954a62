import { createHmac, timingSafeEqual } from "node:crypto";
import type { TwilioConfig } from "../../config";
import { type OutgoingMessage, SendError, type Transport } from "./transport";

// SMS through Twilio's REST API (2010-04-01 Messages resource), and the signature Twilio
// puts on its webhooks. TWILIO_API_BASE points tests at a local server that speaks the same.

type TwilioMessage = { sid: string; body: string; date_created: string };

// Twilio error codes that will not get better by retrying.
const PERMANENT = new Set([21211, 21214, 21408, 21610, 21612, 21614]);
const UNREACHABLE = new Set([21211, 21214, 21614]);

export function createTwilioTransport(
  config: TwilioConfig,
  fetchImpl: typeof fetch = fetch,
  /** Where Twilio reports delivery (AMPARO_PUBLIC_URL + /api/twilio/status); none: no reports. */
  statusCallback?: string,
): Transport {
  const base = `${config.apiBase}/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  const from: Record<string, string> = config.from.startsWith("MG")
    ? { MessagingServiceSid: config.from }
    : { From: config.from };
  return {
    channel: "sms",
    async send(message: OutgoingMessage) {
      let res: Response;
      try {
        res = await fetchImpl(base, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            To: message.address,
            Body: message.body,
            ...from,
            ...(statusCallback ? { StatusCallback: statusCallback } : {}),
          }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch {
        throw new SendError("twilio_unreachable", false);
      }
      const json = (await res.json().catch(() => ({}))) as { sid?: string; code?: number };
      if (res.ok && json.sid) return { providerId: json.sid };
      const code = typeof json.code === "number" ? json.code : 0;
      if (res.status === 429 || res.status >= 500)
        throw new SendError(`twilio_${res.status}`, false);
      throw new SendError(
        `twilio_${code || res.status}`,
        PERMANENT.has(code) || res.status < 500,
        UNREACHABLE.has(code),
      );
    },
    async alreadySent(message: OutgoingMessage) {
      // After a crash: ask Twilio for messages to this number since the claim began.
      const day = message.claimedAt.toISOString().slice(0, 10);
      const url = `${base}?${new URLSearchParams({ To: message.address, "DateSent>": day, PageSize: "50" })}`;
      const res = await fetchImpl(url, {
        headers: { authorization: auth },
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) throw new SendError(`twilio_${res.status}`, false);
      const json = (await res.json()) as { messages?: TwilioMessage[] };
      const since = message.claimedAt.getTime() - 60_000;
      const found = (json.messages ?? []).find(
        (m) => m.body === message.body && Date.parse(m.date_created) >= since,
      );
      return found?.sid ?? null;
    },
  };
}

/**
 * Twilio's webhook signature: HMAC-SHA1, keyed with the auth token, over the full URL
 * followed by every POST parameter's name and value, sorted by name; base64.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function validTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
