// Online card gifts, the parts with no I/O: the amounts a donor may choose, the Checkout
// Session Amparo asks Stripe for, and the gift a Stripe event stands for.
import type Stripe from "stripe";
import { pick } from "../../../platform/bilingual";
import type { Lang } from "../../../platform/i18n";
import { isUuid } from "../../../platform/ids";
import {
  type Cents,
  CURRENCY_DECIMALS,
  type Currency,
  cents,
  isCurrency,
  parseAmount,
} from "../../../platform/money";

/** The smallest and largest online gift, in major units (Stripe's minimum charge is lower). */
export const GIVE_LIMITS: Readonly<Record<Currency, { min: number; max: number }>> = {
  USD: { min: 1, max: 10_000 },
  EUR: { min: 1, max: 10_000 },
  MXN: { min: 20, max: 200_000 },
  JPY: { min: 100, max: 1_500_000 },
};

export function giveLimitsCents(currency: Currency): { min: Cents; max: Cents } {
  const unit = 10 ** CURRENCY_DECIMALS[currency];
  const limits = GIVE_LIMITS[currency];
  return { min: cents(limits.min * unit), max: cents(limits.max * unit) };
}

export type GiveAmountProblem =
  | "required"
  | "not_a_number"
  | "fractional"
  | "too_small"
  | "too_large";

/** The amount a donor typed ("25", "$1,000.50"), within the online limits. */
export function readGiveAmount(
  text: string | undefined,
  currency: Currency,
): { ok: true; cents: Cents } | { ok: false; problem: GiveAmountProblem } {
  const parsed = parseAmount(text ?? "", currency);
  const limits = giveLimitsCents(currency);
  if (!parsed.ok) {
    if (parsed.reason === "empty") return { ok: false, problem: "required" };
    if (parsed.reason === "fractional_cent") return { ok: false, problem: "fractional" };
    if (parsed.reason === "not_positive") return { ok: false, problem: "too_small" };
    if (parsed.reason === "too_large") return { ok: false, problem: "too_large" };
    return { ok: false, problem: "not_a_number" };
  }
  if (parsed.cents < limits.min) return { ok: false, problem: "too_small" };
  if (parsed.cents > limits.max) return { ok: false, problem: "too_large" };
  return { ok: true, cents: parsed.cents };
}

export type CheckoutRequest = {
  orgId: string;
  campaign: { id: string; title: { es: string; en: string }; currency: Currency };
  amount: Cents;
  lang: Lang;
  /** Absolute URLs Stripe sends the donor back to. */
  successUrl: string;
  cancelUrl: string;
};

/**
 * One donation line of the amount the donor chose. The metadata (on the session and on
 * the payment) is how the webhook knows which organization and campaign the money is for;
 * nothing about the donor is sent or asked back.
 */
export function checkoutParams(req: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const metadata = { org_id: req.orgId, campaign_id: req.campaign.id };
  return {
    mode: "payment",
    submit_type: "donate",
    locale: req.lang,
    client_reference_id: req.campaign.id,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: req.campaign.currency.toLowerCase(),
          unit_amount: req.amount,
          product_data: { name: pick(req.campaign.title, req.lang).text },
        },
      },
    ],
    metadata,
    payment_intent_data: { metadata },
    success_url: req.successUrl,
    cancel_url: req.cancelUrl,
  };
}

/** Events that mean "this Checkout Session's money arrived". */
export const GIFT_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
] as const;

export type StripeGift = {
  orgId: string;
  campaignId: string;
  amountCents: Cents;
  currency: Currency;
  /** The payment intent (or, without one, the session): the same for every event of one payment. */
  externalId: string;
  receivedAt: Date;
};

export type EventReading =
  | { kind: "gift"; gift: StripeGift }
  /** Not a paid Amparo Checkout Session (another event, an unpaid session, another app's). */
  | { kind: "ignore" }
  /** Amparo's metadata, but unusable: answered 404 so it shows as failed in Stripe. */
  | { kind: "invalid" };

/** What a verified Stripe event means for the ledger. */
export function readStripeEvent(event: Stripe.Event): EventReading {
  if (!(GIFT_EVENTS as readonly string[]).includes(event.type)) return { kind: "ignore" };
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.object !== "checkout.session" || session.payment_status !== "paid") {
    return { kind: "ignore" };
  }
  const orgId = session.metadata?.org_id;
  const campaignId = session.metadata?.campaign_id;
  if (!orgId && !campaignId) return { kind: "ignore" };
  const currency = (session.currency ?? "").toUpperCase();
  const amount = session.amount_total;
  if (
    !orgId ||
    !campaignId ||
    !isUuid(orgId) ||
    !isUuid(campaignId) ||
    !isCurrency(currency) ||
    typeof amount !== "number" ||
    !Number.isSafeInteger(amount) ||
    amount <= 0
  ) {
    return { kind: "invalid" };
  }
  const intent = session.payment_intent;
  const externalId = (typeof intent === "string" ? intent : intent?.id) ?? session.id;
  return {
    kind: "gift",
    gift: {
      orgId: orgId.toLowerCase(),
      campaignId: campaignId.toLowerCase(),
      amountCents: cents(amount),
      currency,
      externalId,
      receivedAt: new Date(event.created * 1000),
    },
  };
}

/** Events that mean "the money of a payment went back": a full refund, or a card dispute. */
export const REVERSAL_EVENTS = ["charge.refunded", "charge.dispute.created"] as const;

export type ReversalReading =
  | { kind: "reversal"; paymentIntent: string; why: "refund" | "dispute" }
  /** A partial refund: not a whole gift given back (an organizer records what was returned). */
  | { kind: "partial"; paymentIntent: string }
  | { kind: "ignore" };

/** What a verified refund or dispute event means for a gift recorded from Stripe. */
export function readStripeReversal(event: Stripe.Event): ReversalReading {
  if (event.type === "charge.refunded") {
    const charge = event.data.object as Stripe.Charge;
    const intent = typeof charge.payment_intent === "string" ? charge.payment_intent : null;
    if (charge.object !== "charge" || !intent) return { kind: "ignore" };
    const whole = charge.refunded || charge.amount_refunded >= charge.amount;
    return whole
      ? { kind: "reversal", paymentIntent: intent, why: "refund" }
      : { kind: "partial", paymentIntent: intent };
  }
  if (event.type === "charge.dispute.created") {
    const dispute = event.data.object as Stripe.Dispute;
    const intent = typeof dispute.payment_intent === "string" ? dispute.payment_intent : null;
    if (dispute.object !== "dispute" || !intent) return { kind: "ignore" };
    return { kind: "reversal", paymentIntent: intent, why: "dispute" };
  }
  return { kind: "ignore" };
}
