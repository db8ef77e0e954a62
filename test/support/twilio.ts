import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { twilioSignature } from "../../src/modules/messaging/twilio";

// A local HTTP server that speaks Twilio's Messages API (the parts Amparo uses), and a
// helper that signs inbound webhooks exactly as Twilio does.

export const TWILIO_SID = `AC${"0123456789abcdef".repeat(2)}`;
export const TWILIO_TOKEN = "test0auth0token0value0123456789a";
export const TWILIO_FROM = "+14155550100";
/** The app's settings for this fake account (createTestApp's env). */
export const TWILIO_ENV = {
  TWILIO_ACCOUNT_SID: TWILIO_SID,
  TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
  TWILIO_FROM,
};

export type FakeMessage = {
  sid: string;
  to: string;
  from: string;
  body: string;
  date_created: string;
  /** The StatusCallback URL the message was sent with, if any. */
  status_callback: string | null;
};

export type FakeTwilio = {
  apiBase: string;
  messages: FakeMessage[];
  /** Numbers Twilio refuses with 21211 (not a valid phone number). */
  invalid: Set<string>;
  failNext: number;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const state = { messages: [] as FakeMessage[], invalid: new Set<string>(), failNext: 0 };
  const path = `/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString("base64")}`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.headers.authorization !== expectedAuth)
      return reply(401, { code: 20003, message: "Authenticate" });
    if (url.pathname !== path) return reply(404, { code: 20404, message: "Not found" });
    if (req.method === "GET") {
      const to = url.searchParams.get("To");
      return reply(200, { messages: state.messages.filter((m) => !to || m.to === to) });
    }
    const form = new URLSearchParams(await readBody(req));
    if (state.failNext > 0) {
      state.failNext -= 1;
      return reply(503, { code: 20500, message: "Service unavailable" });
    }
    const to = form.get("To") ?? "";
    if (state.invalid.has(to))
      return reply(400, { code: 21211, message: "Invalid 'To' Phone Number" });
    const message = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      to,
      from: form.get("From") ?? "",
      body: form.get("Body") ?? "",
      date_created: new Date().toUTCString(),
      status_callback: form.get("StatusCallback"),
    };
    state.messages.push(message);
    reply(201, { ...message, status: "queued" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    apiBase: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The form body and X-Twilio-Signature header Twilio would send for an inbound SMS. */
export function signedInbound(
  publicUrl: string,
  params: Record<string, string>,
  token = TWILIO_TOKEN,
) {
  const full = {
    AccountSid: TWILIO_SID,
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
    To: TWILIO_FROM,
    NumMedia: "0",
    ...params,
  };
  return {
    body: new URLSearchParams(full).toString(),
    signature: twilioSignature(token, `${publicUrl}/api/twilio/inbound`, full),
  };
}

/**
 * The status callback Twilio would post for one of the fake's messages: to the URL the
 * message was sent with, form-encoded and signed like every Twilio webhook.
 */
export function signedStatus(
  message: FakeMessage,
  status: string,
  errorCode?: string,
  token = TWILIO_TOKEN,
) {
  if (!message.status_callback) throw new Error("sent without a StatusCallback");
  const url = new URL(message.status_callback);
  const params: Record<string, string> = {
    AccountSid: TWILIO_SID,
    MessageSid: message.sid,
    SmsSid: message.sid,
    MessageStatus: status,
    SmsStatus: status,
    To: message.to,
    From: message.from,
    ApiVersion: "2010-04-01",
    ...(errorCode ? { ErrorCode: errorCode } : {}),
  };
  return {
    path: url.pathname,
    body: new URLSearchParams(params).toString(),
    signature: twilioSignature(token, message.status_callback, params),
  };
}
