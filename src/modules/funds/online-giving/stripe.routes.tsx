import { Hono } from "hono";
import type Stripe from "stripe";
import { anyone } from "../../../platform/authorize";
import { AppError, notFound } from "../../../platform/errors";
import type { AppEnv } from "../../../platform/http";
import { mirrorStripeReversal } from "./mirror-stripe-reversal";
import { readStripeEvent, readStripeReversal } from "./online-giving";
import { recordStripeGift } from "./record-stripe-gift";
import { stripeFor } from "./stripe-config";

// Card gifts online (docs/decisions/041-stripe-checkout.md): the donor pays on Stripe
// Checkout (from the give page, modules/public/give.routes.tsx), and Stripe then tells
// this webhook, which records the gift.

/** Under /api (so exempt from CSRF), no bearer token: Stripe's signature is the proof. */
export const stripeWebhookRoutes = new Hono<AppEnv>();

// Anyone may call it: the signature on the body is what is checked.
stripeWebhookRoutes.post("/api/stripe/webhook", anyone, async (c) => {
  const config = c.get("config");
  const stripe = stripeFor(config);
  if (!stripe || !config.stripeWebhookSecret) throw notFound();
  const signature = c.req.header("stripe-signature");
  if (!signature) throw new AppError("invalid_signature");
  // The signature covers the exact bytes Stripe sent: read them raw, never re-serialized.
  const payload = Buffer.from(await c.req.arrayBuffer());
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature, config.stripeWebhookSecret);
  } catch {
    throw new AppError("invalid_signature");
  }
  const reversal = readStripeReversal(event);
  if (reversal.kind === "reversal") {
    const mirrored = await mirrorStripeReversal(c.get("deps"), {
      eventId: event.id,
      eventType: event.type,
      paymentIntent: reversal.paymentIntent,
      why: reversal.why,
    });
    return c.json({
      received: true,
      reversed: mirrored.status === "reversed",
      gift_id: mirrored.giftId,
    });
  }
  if (reversal.kind === "partial") {
    // Part of a gift given back: not a reversal; the organizer records what was returned.
    console.warn(`[amparo] Stripe partial refund not mirrored (${event.id})`);
    return c.json({ received: true, reversed: false });
  }
  const reading = readStripeEvent(event);
  if (reading.kind === "ignore") return c.json({ received: true, recorded: false });
  if (reading.kind === "invalid") throw notFound();
  const { gift } = reading;
  const result = await recordStripeGift(
    c.get("deps"),
    { orgId: gift.orgId, userId: null, role: "owner" },
    { eventId: event.id, eventType: event.type, gift },
  );
  return c.json({ received: true, recorded: result.status === "recorded", gift_id: result.giftId });
});
