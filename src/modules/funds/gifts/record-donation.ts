import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, invalid, isUniqueViolation, notFound } from "../../../platform/errors";
import { type Cents, type Currency, cents } from "../../../platform/money";
import { runOperation } from "../../../platform/operation";
import { movementProblems } from "../campaign";
import { lockCampaign } from "../campaigns/campaign-record";
import { gifts } from "../funds.schema";
import { decide, emptyLedger } from "../ledger/ledger";
import { appliedGroup, writeGroup } from "../ledger/ledger-store";
import type { GiftMethod } from "./gift";
import { findExistingGift, type Gift, getGift, isTeamMember } from "./gift-record";
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
};

export type DonationResult = { gift: Gift; replayed: boolean };

/**
 * Records a gift: a donation group (outside -> fund) and the gift row, in one transaction.
 * The same Idempotency-Key, or the same (source, external_id), never makes a second gift,
 * even when the requests arrive at the same moment: the unique keys decide, and the
 * losers answer with the gift the winner made.
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
    if (gift.campaignId !== input.campaignId) throw new AppError("idempotency_key_reused");
    return { gift, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (
    input.receivedByUserId &&
    !(await isTeamMember(deps.db, actor.orgId, input.receivedByUserId))
  ) {
    throw invalid({ receivedByUserId: "not_a_member" });
  }

  try {
    return await runOperation(deps, actor, async (op) => {
      const campaign = await lockCampaign(op.tx, actor.orgId, input.campaignId, "key share");
      if (!campaign) throw notFound();
      const fields = movementProblems(campaign, input.amountCents, input.currency);
      if (Object.keys(fields).length > 0) throw invalid(fields);
      // A donation only adds to the fund, so the empty ledger of the campaign's currency is
      // all the history needed to check it: no lock on other gifts, no reading the ledger.
      const group = appliedGroup(
        decide(emptyLedger(campaign.currency), {
          op: "record",
          id: randomUUID(),
          movement: {
            kind: "donation",
            currency: campaign.currency,
            amount: cents(input.amountCents),
          },
          ...(keys.idempotencyKey !== null ? { idempotencyKey: keys.idempotencyKey } : {}),
        }),
      );
      const receivedAt = input.receivedAt ?? new Date();
      await writeGroup(op.tx, actor, campaign.id, group, {
        occurredAt: receivedAt,
        memo: input.memo ?? null,
      });
      const giftId = randomUUID();
      await op.tx.insert(gifts).values({
        id: giftId,
        orgId: actor.orgId,
        campaignId: campaign.id,
        groupId: group.id,
        amountCents: cents(input.amountCents),
        currency: campaign.currency,
        method: input.method,
        receivedAt,
        donorName: input.donorName ?? null,
        anonymous: input.anonymous ?? true,
        source: keys.source,
        externalId: keys.externalId,
        eventNote: input.eventNote ?? null,
        receivedByUserId: input.receivedByUserId ?? null,
      });
      await op.audit(
        "gift.recorded",
        { type: "gift", id: giftId },
        { campaign_id: campaign.id, method: input.method, source: keys.source },
      );
      op.emit("funds.campaign_changed", { orgId: actor.orgId, campaignId: campaign.id });
      const gift = await getGift(op.tx, actor.orgId, giftId);
      if (!gift) throw new Error("recorded gift vanished");
      return { gift, replayed: false };
    });
  } catch (error) {
    // Another request with the same key won the race: answer with its gift.
    if (isUniqueViolation(error)) {
      const first = await replay();
      if (first) return first;
    }
    throw error;
  }
}
