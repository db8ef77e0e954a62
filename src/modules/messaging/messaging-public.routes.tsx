import { Hono } from "hono";
import { anyone } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { publicLang } from "../../platform/ui/public-language";
import { PublicLayout } from "../../platform/ui/public-layout";
import { handleInboundSms, messageDestination } from "./inbound-sms";
import { unsubscribeText } from "./messaging-public.messages";
import { getSendSettings } from "./messaging-settings";
import { deliveryStatusOf, recordDelivery } from "./record-delivery";
import { stopContactPoint } from "./stop-contact-point";
import { validTwilioSignature } from "./twilio";
import { readUnsubscribeToken } from "./unsubscribe-token";

// Public on purpose, mounted before the session: the one-click unsubscribe link (RFC 8058:
// the mail provider POSTs "List-Unsubscribe=One-Click" with no cookie) and Twilio's inbound
// webhook (its signature is the proof).
export const messagingPublicRoutes = new Hono<AppEnv>();

/** The form Twilio posted, refused unless its signature is valid for our URL and path. */
async function signedTwilioForm(c: AppContext): Promise<Record<string, string>> {
  const twilio = c.var.config.twilio;
  const form = await c.req.parseBody().catch(() => ({}));
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string") params[k] = v;
  const base = c.var.config.publicUrl ?? new URL(c.req.url).origin;
  const url = `${base}${c.req.path}`;
  if (
    !twilio ||
    !validTwilioSignature(twilio.authToken, url, params, c.req.header("x-twilio-signature"))
  ) {
    throw new AppError("invalid_signature");
  }
  return params;
}

messagingPublicRoutes.post("/api/twilio/inbound", anyone, async (c) => {
  const params = await signedTwilioForm(c);
  if (params.From && params.Body !== undefined) {
    await handleInboundSms(c.var.deps, {
      from: params.From,
      body: params.Body,
      messageSid: params.MessageSid ?? `${Date.now()}`,
    });
  }
  // An empty TwiML answer: our replies go through the outbox like every other message.
  return c.body('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', 200, {
    "content-type": "text/xml; charset=utf-8",
  });
});

// Delivery reports for the texts we sent (the StatusCallback given with each message).
messagingPublicRoutes.post("/api/twilio/status", anyone, async (c) => {
  const params = await signedTwilioForm(c);
  const status = deliveryStatusOf(params.MessageStatus ?? params.SmsStatus);
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  if (status && /^[A-Za-z0-9]{10,64}$/.test(sid)) {
    // An unknown SID (a message of another system on the same number) is not an error:
    // Twilio would only retry it.
    await recordDelivery(c.var.deps, { sid, status, errorCode: params.ErrorCode ?? null });
  }
  return c.body(null, 204);
});

async function unsubscribePage(c: AppContext, state: "ask" | "done" | "already" | "unknown") {
  const token = c.req.param("token") ?? "";
  const id = readUnsubscribeToken(c.var.deps.cipher, token);
  const destination = id ? await messageDestination(c.var.deps, id) : null;
  const settings = destination ? await getSendSettings(c.var.deps.db, destination.orgId) : null;
  const lang =
    publicLang({ query: c.req.query("lang"), cookie: undefined, acceptLanguage: undefined }).lang ??
    destination?.language ??
    "es";
  const t = unsubscribeText[lang];
  const shown = settings ? state : "unknown";
  return render(
    c,
    <PublicLayout
      lang={lang}
      title={t.title}
      description={t.description}
      orgName={settings?.orgName ?? "Amparo"}
      url={`/u/${token}`}
    >
      <h1>{shown === "ask" ? t.title : shown === "unknown" ? t.title : t.done_title}</h1>
      {shown === "ask" ? (
        <form method="post" action={`/u/${token}?lang=${lang}`}>
          <p>{t.ask}</p>
          <button class="pub-button" type="submit">
            {t.button}
          </button>
        </form>
      ) : (
        <p role="status">
          {shown === "done" ? t.done : shown === "already" ? t.already : t.unknown}
        </p>
      )}
    </PublicLayout>,
    shown === "unknown" ? 404 : 200,
  );
}

messagingPublicRoutes.get("/u/:token", anyone, (c) => unsubscribePage(c, "ask"));

messagingPublicRoutes.post("/u/:token", anyone, async (c) => {
  const id = readUnsubscribeToken(c.var.deps.cipher, c.req.param("token"));
  const destination = id ? await messageDestination(c.var.deps, id) : null;
  if (!id || !destination) return unsubscribePage(c, "unknown");
  const stopped = await stopContactPoint(
    c.var.deps,
    destination.orgId,
    { channel: destination.channel, address: destination.address },
    {
      source: destination.channel === "email" ? "email_one_click" : "sms_keyword",
      language: destination.language,
      ref: id,
    },
  );
  return unsubscribePage(c, stopped ? "done" : "already");
});
