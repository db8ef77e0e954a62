import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../../platform/actor";
import { invalid, notFound, retryOnUniqueViolation } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { lockCampaign } from "../campaigns/campaign-record";
import { stripeEvents } from "../gift-sources.schema";
import { findExistingGift } from "../gifts/gift-record";
import { writeOutsideGifts } from "../gifts/gift-writer";
import type { StripeGift } from "./online-giving";
import "../funds.errors";

export const STRIPE_SOURCE = "stripe";

export type StripeGiftInput = { eventId: string; eventType: string; gift: StripeGift };

export type StripeGiftResult = {
  /** recorded: a new gift; existing: another event of the same payment made it; replayed: this event was seen. */
  status: "recorded" | "existing" | "replayed";
  giftId: string | null;
};

/**
 * Records the gift a verified Stripe event stands for, and the event id, in ONE
 * transaction: a repeated delivery finds its event and adds nothing, and a second event
 * for the same payment finds the gift by (source "stripe", payment intent id). Donors are
 * anonymous and unnamed: Amparo asks Stripe for nothing about them.
 * The actor is the organization named in the session's metadata, with no user.
 */
export async function recordStripeGift(
  deps: Deps,
  actor: Actor,
  input: StripeGiftInput,
): Promise<StripeGiftResult> {
  // Another event of the same payment may record the gift between our check and our
  // insert; everything here rolls back, and the next attempt finds that gift.
  return retryOnUniqueViolation(() => recordOnce(deps, actor, input));
}

function recordOnce(deps: Deps, actor: Actor, input: StripeGiftInput): Promise<StripeGiftResult> {
  const { gift } = input;
  return runOperation(deps, actor, async (op): Promise<StripeGiftResult> => {
    const { tx } = op;
    const campaign = await lockCampaign(tx, actor.orgId, gift.campaignId, "key share");
    if (!campaign) throw notFound();
    // The event first: a second delivery of it waits here for the first to finish, then
    // inserts nothing and answers as a replay.
    const [event] = await tx
      .insert(stripeEvents)
      .values({ orgId: actor.orgId, eventId: input.eventId, type: input.eventType })
      .onConflictDoNothing({ target: stripeEvents.eventId })
      .returning({ id: stripeEvents.id });
    if (!event) {
      const [seen] = await tx
        .select({ giftId: stripeEvents.giftId, orgId: stripeEvents.orgId })
        .from(stripeEvents)
        .where(eq(stripeEvents.eventId, input.eventId));
      if (!seen || seen.orgId !== actor.orgId) throw notFound();
      return { status: "replayed", giftId: seen.giftId };
    }
    if (gift.currency !== campaign.currency) throw invalid({ currency: "currency_mismatch" });
    const keys = { idempotencyKey: null, source: STRIPE_SOURCE, externalId: gift.externalId };
    const existing = await findExistingGift(tx, actor.orgId, keys);
    let giftId: string;
    let status: StripeGiftResult["status"];
    if (existing) {
      giftId = existing.id;
      status = "existing";
    } else {
      const [id] = await writeOutsideGifts(tx, actor, campaign, [
        {
          amountCents: gift.amountCents,
          receivedAt: gift.receivedAt,
          donorName: null,
          anonymous: true,
          method: "card",
          source: STRIPE_SOURCE,
          externalId: gift.externalId,
          memo: null,
        },
      ]);
      if (!id) throw new Error("gift not written");
      giftId = id;
      status = "recorded";
      await op.audit(
        "gift.recorded",
        { type: "gift", id: giftId },
        { campaign_id: campaign.id, method: "card", source: STRIPE_SOURCE },
      );
      op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
    }
    await tx.update(stripeEvents).set({ giftId }).where(eq(stripeEvents.id, event.id));
    return { status, giftId };
  });
}
