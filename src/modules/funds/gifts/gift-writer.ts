// Writes gifts from outside (an import, a Stripe payment) inside the caller's transaction,
// as record-donation.ts does for one gift: the pure ledger decides each donation group
// (outside -> fund), the group and its entries are written, then the gift row points at
// it. The caller has locked the campaign ("key share") and checked for existing
// (source, external_id) pairs; the unique key still guards against a race.
//
// One gift goes through ledger-store's writeGroup. Many (an import) are written in
// multi-row statements with the very same columns (ledger-store writes one group per
// call, two statements each: 10,000 gifts would be 20,000 round trips); the database's
// deferred trigger still checks at commit that every group balances.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../platform/actor";
import { chunks } from "../../../platform/chunks";
import { AppError, invalid } from "../../../platform/errors";
import { type Cents, cents } from "../../../platform/money";
import { amountProblem, type Campaign } from "../campaign";
import { gifts, ledgerEntries, ledgerGroups } from "../funds.schema";
import { decide, emptyLedger, type Group } from "../ledger/ledger";
import { entryRows, groupRow, refusal, writeGroup } from "../ledger/ledger-store";
import type { GiftMethod } from "./gift";

export type OutsideGift = {
  amountCents: Cents;
  receivedAt: Date;
  donorName: string | null;
  anonymous: boolean;
  method: GiftMethod;
  source: string;
  externalId: string;
  memo: string | null;
};

const CHUNK = 500;

/** Records the gifts in `campaign`; returns their ids in order. */
export async function writeOutsideGifts(
  tx: Db,
  actor: Actor,
  campaign: Pick<Campaign, "id" | "currency">,
  list: readonly OutsideGift[],
): Promise<string[]> {
  const rows: (typeof gifts.$inferInsert)[] = [];
  const groups: { group: Group; occurredAt: Date; memo: string | null }[] = [];
  for (const gift of list) {
    const problem = amountProblem(gift.amountCents, campaign.currency);
    if (problem) throw invalid({ amount: problem });
    // A donation only adds to the fund: the empty ledger of the campaign's currency is all
    // the history needed to check it (as in record-donation.ts).
    const outcome = decide(emptyLedger(campaign.currency), {
      op: "record",
      id: randomUUID(),
      movement: { kind: "donation", currency: campaign.currency, amount: cents(gift.amountCents) },
    });
    if (outcome.status !== "applied") {
      throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
    }
    groups.push({ group: outcome.group, occurredAt: gift.receivedAt, memo: gift.memo });
    rows.push({
      id: randomUUID(),
      orgId: actor.orgId,
      campaignId: campaign.id,
      groupId: outcome.group.id,
      amountCents: cents(gift.amountCents),
      currency: campaign.currency,
      method: gift.method,
      receivedAt: gift.receivedAt,
      donorName: gift.donorName,
      anonymous: gift.anonymous,
      source: gift.source,
      externalId: gift.externalId,
      eventNote: null,
      receivedByUserId: null,
    });
  }
  if (groups.length === 1 && groups[0]) {
    const { group, occurredAt, memo } = groups[0];
    await writeGroup(tx, actor, campaign.id, group, { occurredAt, memo });
  } else {
    await writeGroups(tx, actor, campaign.id, groups);
  }
  for (const chunk of chunks(rows, CHUNK)) await tx.insert(gifts).values(chunk);
  return rows.map((r) => r.id as string);
}

/** ledger-store's writeGroup for many donation groups at once: the same columns, in chunks. */
async function writeGroups(
  tx: Db,
  actor: Actor,
  campaignId: string,
  list: readonly { group: Group; occurredAt: Date; memo: string | null }[],
): Promise<void> {
  for (const chunk of chunks(list, CHUNK)) {
    await tx
      .insert(ledgerGroups)
      .values(
        chunk.map(({ group, occurredAt, memo }) =>
          groupRow(actor, campaignId, group, occurredAt, memo),
        ),
      );
    await tx
      .insert(ledgerEntries)
      .values(chunk.flatMap(({ group }) => entryRows(actor, campaignId, group)));
  }
}
