import type Stripe from "stripe";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, notFound } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { STRIPE_SOURCE } from "../online-giving/record-stripe-gift";
import { getGift } from "./gift-record";
import { reverseGiftGroup } from "./reverse-gift";
import "../funds.errors";

export type RefundGiftInput = { giftId: string; memo?: string | null };

/**
 * Gives a gift back: its ledger group is reversed (the gift stays on record, no longer
 * counting). A card gift taken through Stripe is refunded at Stripe first (idempotent per
 * gift, so a retry never refunds twice); when Stripe's "charge.refunded" event comes back,
 * the webhook finds the gift already reversed and adds nothing. Other gifts (cash, checks,
 * imports) are given back by the team outside Amparo; this records it.
 */
export async function refundGift(
  deps: Deps,
  actor: Actor,
  input: RefundGiftInput,
  stripe: Stripe | null,
): Promise<{ reversalGroupId: string; stripeRefundId: string | null }> {
  const gift = await getGift(deps.db, actor.orgId, input.giftId);
  if (!gift) throw notFound();
  if (gift.reversed) throw new AppError("already_reversed");
  let stripeRefundId: string | null = null;
  if (gift.source === STRIPE_SOURCE && gift.externalId?.startsWith("pi_")) {
    if (!stripe) throw new AppError("stripe_refund_failed");
    try {
      const refund = await stripe.refunds.create(
        { payment_intent: gift.externalId, metadata: { gift_id: gift.id } },
        { idempotencyKey: `amparo-refund-${gift.id}` },
      );
      stripeRefundId = refund.id;
    } catch (error) {
      console.warn(`[amparo] Stripe refund not made: ${(error as Error).name}`);
      throw new AppError("stripe_refund_failed");
    }
  }
  return runOperation(deps, actor, async (op) => {
    const done = await reverseGiftGroup(op, gift, {
      action: "gift.refunded",
      memo: input.memo?.trim() || null,
      detail: { source: gift.source, stripe_refund_id: stripeRefundId },
    });
    // Reversed meanwhile (the webhook came first): the refund happened all the same.
    if (!done) throw new AppError("already_reversed");
    return { reversalGroupId: done.reversalGroupId, stripeRefundId };
  });
}
