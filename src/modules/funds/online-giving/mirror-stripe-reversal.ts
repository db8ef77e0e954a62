import { and, eq } from "drizzle-orm";
import type { Deps } from "../../../platform/actor";
import { runOperation } from "../../../platform/operation";
import { gifts } from "../funds.schema";
import { stripeEvents } from "../gift-sources.schema";
import { reverseGiftGroup } from "../gifts/reverse-gift";
import { STRIPE_SOURCE } from "./record-stripe-gift";

export type MirrorResult = {
  /** reversed: the gift no longer counts; already: it was reversed before (a refund made
   *  in Amparo, or another event); replayed: this event was seen; unknown: not a gift of ours. */
  status: "reversed" | "already" | "replayed" | "unknown";
  giftId: string | null;
};

/**
 * A refund or dispute made at Stripe, mirrored in the ledger as the reversal of the gift
 * that payment recorded. Idempotent by event id: the event row is inserted first, in the
 * same transaction (a second delivery adds nothing), as for gifts (decision 041).
 */
export async function mirrorStripeReversal(
  deps: Deps,
  input: { eventId: string; eventType: string; paymentIntent: string; why: "refund" | "dispute" },
): Promise<MirrorResult> {
  // A payment intent id is Stripe's, unique across accounts: it finds the organization.
  const [gift] = await deps.db
    .select({
      id: gifts.id,
      orgId: gifts.orgId,
      campaignId: gifts.campaignId,
      groupId: gifts.groupId,
    })
    .from(gifts)
    .where(and(eq(gifts.source, STRIPE_SOURCE), eq(gifts.externalId, input.paymentIntent)))
    .limit(1);
  if (!gift) return { status: "unknown", giftId: null };
  const actor = { orgId: gift.orgId, userId: null, role: "owner" as const };
  return runOperation(deps, actor, async (op): Promise<MirrorResult> => {
    const [event] = await op.tx
      .insert(stripeEvents)
      .values({ orgId: gift.orgId, eventId: input.eventId, type: input.eventType, giftId: gift.id })
      .onConflictDoNothing({ target: stripeEvents.eventId })
      .returning({ id: stripeEvents.id });
    if (!event) return { status: "replayed", giftId: gift.id };
    const done = await reverseGiftGroup(op, gift, {
      action: input.why === "refund" ? "gift.refunded" : "gift.disputed",
      memo: input.why === "refund" ? "Stripe: refund" : "Stripe: card dispute",
      detail: { source: STRIPE_SOURCE, stripe_event: input.eventId },
    });
    return { status: done ? "reversed" : "already", giftId: gift.id };
  });
}
