import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, invalid, isUniqueViolation, notFound } from "../../../platform/errors";
import { type Cents, type Currency, cents } from "../../../platform/money";
import { type Campaign, movementProblems } from "../campaign";
import { getCampaign } from "../campaigns/campaign-record";
import { decide, emptyLedger } from "../ledger/ledger";
import { appliedGroup } from "../ledger/ledger-store";
import { insertDonationTogether } from "./donation-batch";
import type { GiftMethod } from "./gift";
import { findExistingGift, type Gift, isTeamMember } from "./gift-record";
import "../funds.errors";

export type DonationInput = {
  campaignId: string;
  amountCents: Cents | number;
  /** Must be the campaign's currency when given. */
  currency?: Currency | null;
  method: GiftMethod;
  receivedAt?: Date | null;
  donorName?: string | null;
  anonymous?: boolean;
  /** Where the gift comes from: "manual" (typed in), "api", "stripe", an import's name... */
  source?: string;
  /** The gift's id at its source; with `source`, unique per organization. */
  externalId?: string | null;
  /** An Idempotency-Key header: a repeated request answers with the first gift. */
  idempotencyKey?: string | null;
  /** Which event or fundraiser, for cash and checks. */
  eventNote?: string | null;
  receivedByUserId?: string | null;
  memo?: string | null;
  /** The campaign, when the caller has just read it (saves a round trip). */
  campaign?: Pick<Campaign, "id" | "currency"> | null;
  /**
   * `campaign` is only what this process last saw (campaign-record.ts `campaignHint`): when
   * it doesn't fit, the campaign is read afresh before anything is refused.
   */
  campaignIsHint?: boolean;
};

export type DonationResult = { gift: Gift; replayed: boolean };

/** Whether a replay asks for the gift that was made (what it says matches what was stored). */
function sameGift(gift: Gift, input: DonationInput, source: string): boolean {
  const given = <T>(value: T | null | undefined, stored: T) =>
    value === undefined || value === null || value === stored;
  return (
    gift.campaignId === input.campaignId &&
    gift.amountCents === input.amountCents &&
    given(input.currency, gift.currency) &&
    gift.method === input.method &&
    (input.receivedAt ? input.receivedAt.getTime() === gift.receivedAt.getTime() : true) &&
    (input.donorName ?? null) === gift.donorName &&
    (input.anonymous ?? true) === gift.anonymous &&
    source === gift.source &&
    (input.externalId ?? null) === gift.externalId &&
    (input.eventNote ?? null) === gift.eventNote
  );
}

/**
 * Records a gift: a donation group (outside -> fund), its entries, the gift row and the
 * audit row, in ONE statement, its own transaction (donation-statement.ts, decision 085),
 * shared with gifts that arrive at the same moment (donation-batch.ts, decision 108).
 * The same Idempotency-Key, or the same (source, external_id), never makes a second gift,
 * even when the requests arrive at the same moment: the unique keys decide, and the
 * losers answer with the gift the winner made. The same Idempotency-Key with a different
 * request is refused (422 idempotency_key_reused), as Stripe does.
 */
export async function recordDonation(
  deps: Deps,
  actor: Actor,
  input: DonationInput,
): Promise<DonationResult> {
  const keys = {
    idempotencyKey: input.idempotencyKey ?? null,
    source: input.source ?? "manual",
    externalId: input.externalId ?? null,
  };
  const replay = async (): Promise<DonationResult | null> => {
    const gift = await findExistingGift(deps.db, actor.orgId, keys);
    if (!gift) return null;
    if (keys.idempotencyKey !== null && !sameGift(gift, input, keys.source)) {
      throw new AppError("idempotency_key_reused");
    }
    if (gift.campaignId !== input.campaignId) throw new AppError("idempotency_key_reused");
    return { gift, replayed: true };
  };
  if (
    input.receivedByUserId &&
    !(await isTeamMember(deps.db, actor.orgId, input.receivedByUserId))
  ) {
    throw invalid({ receivedByUserId: "not_a_member" });
  }
  let hinted = input.campaignIsHint === true && input.campaign?.id === input.campaignId;
  let campaign =
    input.campaign?.id === input.campaignId
      ? input.campaign
      : await getCampaign(deps.db, actor.orgId, input.campaignId);
  if (!campaign) throw notFound();
  let fields = movementProblems(campaign, input.amountCents, input.currency);
  if (hinted && Object.keys(fields).length > 0) {
    // Refuse on what the campaign is now, not on what this process last saw.
    hinted = false;
    campaign = await getCampaign(deps.db, actor.orgId, input.campaignId);
    if (!campaign) throw notFound();
    fields = movementProblems(campaign, input.amountCents, input.currency);
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  // A donation only adds to the fund, so the empty ledger of the campaign's currency is
  // all the history needed to check it: no lock on other gifts, no reading the ledger.
  const group = appliedGroup(
    decide(emptyLedger(campaign.currency), {
      op: "record",
      id: randomUUID(),
      movement: { kind: "donation", currency: campaign.currency, amount: cents(input.amountCents) },
      ...(keys.idempotencyKey !== null ? { idempotencyKey: keys.idempotencyKey } : {}),
    }),
  );
  let gift: Gift | null = null;
  try {
    gift = await insertDonationTogether(deps.db, actor, group, {
      giftId: randomUUID(),
      campaignId: campaign.id,
      currency: campaign.currency,
      amountCents: cents(input.amountCents),
      method: input.method,
      receivedAt: input.receivedAt ?? new Date(),
      donorName: input.donorName ?? null,
      anonymous: input.anonymous ?? true,
      source: keys.source,
      externalId: keys.externalId,
      eventNote: input.eventNote ?? null,
      receivedByUserId: input.receivedByUserId ?? null,
      memo: input.memo ?? null,
    });
  } catch (error) {
    // Another request with the same (source, external_id) won the race.
    if (!isUniqueViolation(error)) throw error;
  }
  if (gift) {
    deps.bus.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
    return { gift, replayed: false };
  }
  // Nothing written: an earlier request made this gift, or the campaign changed meanwhile.
  const first = await replay();
  if (first) return first;
  const now = await getCampaign(deps.db, actor.orgId, input.campaignId);
  if (!now) throw notFound();
  // A hint that was out of date (the currency changed, which a campaign without movements
  // may): nothing was written; once more with the campaign as it is.
  if (hinted && now.currency !== campaign.currency) {
    return recordDonation(deps, actor, { ...input, campaign: now, campaignIsHint: false });
  }
  throw new AppError("conflict");
}
