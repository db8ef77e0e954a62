// One gift as ONE SQL statement (decision 085): the campaign's lock, the donation group, its
// entries, the gift row and the audit row are data-modifying CTEs of a single INSERT, which
// PostgreSQL runs as one transaction: all of it commits, or none of it. The deferred
// trigger still checks at commit that the group balances; the unique keys still decide
// between concurrent retries (a repeated Idempotency-Key inserts nothing here, a repeated
// (source, external_id) fails the statement), and the caller then answers with the first gift.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../platform/actor";
import { auditFrom } from "../../../platform/audit";
import { type Cents, type Currency, cents } from "../../../platform/money";
import type { Group } from "../ledger/ledger";
import type { GiftMethod } from "./gift";
import type { Gift } from "./gift-record";

export type DonationRow = {
  giftId: string;
  campaignId: string;
  currency: Currency;
  amountCents: Cents;
  method: GiftMethod;
  receivedAt: Date;
  donorName: string | null;
  anonymous: boolean;
  source: string;
  externalId: string | null;
  eventNote: string | null;
  receivedByUserId: string | null;
  memo: string | null;
};

type Returned = {
  id: string;
  campaign_id: string;
  group_id: string;
  amount_cents: string | number;
  currency: Currency;
  method: GiftMethod;
  received_at: Date | string;
  donor_name: string | null;
  anonymous: boolean;
  source: string;
  external_id: string | null;
  event_note: string | null;
  received_by_user_id: string | null;
  received_by_name: string | null;
  created_at: Date | string;
};

/** The statement itself (the bench sends the very same one straight through `pg`). */
export function donationStatement(actor: Actor, group: Group, row: DonationRow): SQL {
  const entries = sql.join(
    group.entries.map((e) => sql`(${e.account}, ${e.amount}::bigint)`),
    sql`, `,
  );
  const audit = auditFrom(
    actor,
    "gift.recorded",
    { type: "gift", id: sql`gi.id` },
    { campaign_id: row.campaignId, method: row.method, source: row.source },
    sql`gi`,
  );
  return sql`
    WITH c AS (
      SELECT id FROM campaigns
      WHERE org_id = ${actor.orgId} AND id = ${row.campaignId} AND currency = ${row.currency}
      FOR KEY SHARE
    ),
    g AS (
      INSERT INTO ledger_groups (id, org_id, campaign_id, kind, idempotency_key, created_by,
        occurred_at, memo)
      SELECT ${group.id}, ${actor.orgId}, c.id, ${group.movement.kind}, ${group.idempotencyKey ?? null},
        ${actor.userId}, ${row.receivedAt.toISOString()}::timestamptz, ${row.memo} FROM c
      ON CONFLICT (org_id, idempotency_key) DO NOTHING
      RETURNING id, campaign_id
    ),
    e AS (
      INSERT INTO ledger_entries (org_id, group_id, campaign_id, account, amount_cents)
      SELECT ${actor.orgId}, g.id, g.campaign_id, x.account, x.amount
      FROM g, (VALUES ${entries}) AS x(account, amount)
    ),
    gi AS (
      INSERT INTO gifts (id, org_id, campaign_id, group_id, amount_cents, currency, method,
        received_at, donor_name, anonymous, source, external_id, event_note, received_by_user_id)
      SELECT ${row.giftId}, ${actor.orgId}, g.campaign_id, g.id, ${row.amountCents}, ${row.currency},
        ${row.method}, ${row.receivedAt.toISOString()}::timestamptz, ${row.donorName}, ${row.anonymous},
        ${row.source}, ${row.externalId}, ${row.eventNote}, ${row.receivedByUserId}
      FROM g
      RETURNING *
    ),
    a AS (${audit})
    SELECT gi.*, u.name AS received_by_name
    FROM gi LEFT JOIN users u ON u.id = gi.received_by_user_id`;
}

/**
 * Writes the gift, or nothing (and returns null) when the campaign is not this
 * organization's in this currency any more, or the group's Idempotency-Key is taken.
 * Throws a unique violation when (source, external_id) is taken.
 */
export async function insertDonation(
  db: Db,
  actor: Actor,
  group: Group,
  row: DonationRow,
): Promise<Gift | null> {
  const { rows } = await db.execute<Returned>(donationStatement(actor, group, row));
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    groupId: r.group_id,
    amountCents: cents(Number(r.amount_cents)),
    currency: r.currency,
    method: r.method,
    receivedAt: new Date(r.received_at),
    donorName: r.donor_name,
    anonymous: r.anonymous,
    source: r.source,
    externalId: r.external_id,
    eventNote: r.event_note,
    receivedByUserId: r.received_by_user_id,
    receivedByName: r.received_by_name,
    reversed: false,
    createdAt: new Date(r.created_at),
  };
}
