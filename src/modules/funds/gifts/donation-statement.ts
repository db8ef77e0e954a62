// One gift as ONE SQL statement (decision 085): the campaign's lock, the donation group, its
// entries, the gift row and the audit row are data-modifying CTEs of a single INSERT, which
// PostgreSQL runs as one transaction: all of it commits, or none of it. The deferred
// trigger still checks at commit that the group balances; the unique keys still decide
// between concurrent retries (a repeated Idempotency-Key inserts nothing here, a repeated
// (source, external_id) fails the statement), and the caller then answers with the first gift.
// Its text is built once and sent as a named statement, so PostgreSQL parses and plans it
// once per connection, not for every gift (decision 102).
import { fillPlaceholders, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { runNamed } from "../../../db/prepared";
import type { Actor } from "../../../platform/actor";
import { auditFrom } from "../../../platform/audit";
import { type Currency, cents } from "../../../platform/money";
import type { Group } from "../ledger/ledger";
import type { GiftMethod } from "./gift";
import type { Gift } from "./gift-record";

/** A gift to write: the stored gift's own fields, its new id and the group's memo. */
export type DonationRow = Pick<
  Gift,
  | "campaignId"
  | "currency"
  | "amountCents"
  | "method"
  | "receivedAt"
  | "donorName"
  | "anonymous"
  | "source"
  | "externalId"
  | "eventNote"
  | "receivedByUserId"
> & { giftId: string; memo: string | null };

/** A gift row as the statement returns it (with the name of who received it). */
export type Returned = {
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

const P = sql.placeholder;

/** The statement for a group of `count` entries, with placeholders for all that varies. */
function donationSql(count: number): SQL {
  const entries = sql.join(
    Array.from({ length: count }, (_, i) => sql`(${P(`account${i}`)}, ${P(`amount${i}`)}::bigint)`),
    sql`, `,
  );
  const audit = auditFrom(
    { orgId: P("orgId"), userId: P("userId") },
    "gift.recorded",
    { type: "gift", id: sql`gi.id` },
    sql`${P("detail")}::jsonb`,
    sql`gi`,
  );
  return sql`
    WITH c AS (
      SELECT id FROM campaigns
      WHERE org_id = ${P("orgId")} AND id = ${P("campaignId")} AND currency = ${P("currency")}
      FOR KEY SHARE
    ),
    g AS (
      INSERT INTO ledger_groups (id, org_id, campaign_id, kind, idempotency_key, created_by,
        occurred_at, memo)
      SELECT ${P("groupId")}, ${P("orgId")}, c.id, ${P("kind")}, ${P("idempotencyKey")},
        ${P("userId")}, ${P("receivedAt")}::timestamptz, ${P("memo")} FROM c
      ON CONFLICT (org_id, idempotency_key) DO NOTHING
      RETURNING id, campaign_id
    ),
    e AS (
      INSERT INTO ledger_entries (org_id, group_id, campaign_id, account, amount_cents)
      SELECT ${P("orgId")}, g.id, g.campaign_id, x.account, x.amount
      FROM g, (VALUES ${entries}) AS x(account, amount)
    ),
    gi AS (
      INSERT INTO gifts (id, org_id, campaign_id, group_id, amount_cents, currency, method,
        received_at, donor_name, anonymous, source, external_id, event_note, received_by_user_id)
      SELECT ${P("giftId")}, ${P("orgId")}, g.campaign_id, g.id, ${P("amountCents")}, ${P("currency")},
        ${P("method")}, ${P("receivedAt")}::timestamptz, ${P("donorName")}, ${P("anonymous")},
        ${P("source")}, ${P("externalId")}, ${P("eventNote")}, ${P("receivedByUserId")}
      FROM g
      RETURNING *
    ),
    a AS (${audit})
    SELECT gi.*, u.name AS received_by_name
    FROM gi LEFT JOIN users u ON u.id = gi.received_by_user_id`;
}

/** The statement's text and placeholders, built once per number of entries (a donation: 2). */
const built = new Map<number, { name: string; text: string; params: unknown[] }>();
const dialect = new PgDialect();

/**
 * The statement with its values, named: PostgreSQL parses and plans it once per connection
 * (decision 102). The bench sends this very query straight through `pg`.
 */
export function donationQuery(
  actor: Actor,
  group: Group,
  row: DonationRow,
): { name: string; text: string; values: unknown[] } {
  const count = group.entries.length;
  let statement = built.get(count);
  if (!statement) {
    const q = dialect.sqlToQuery(donationSql(count));
    statement = { name: `funds_donation_${count}`, text: q.sql, params: q.params };
    built.set(count, statement);
  }
  const values: Record<string, unknown> = {
    orgId: actor.orgId,
    userId: actor.userId,
    campaignId: row.campaignId,
    currency: row.currency,
    groupId: group.id,
    kind: group.movement.kind,
    idempotencyKey: group.idempotencyKey ?? null,
    receivedAt: row.receivedAt.toISOString(),
    memo: row.memo,
    giftId: row.giftId,
    amountCents: row.amountCents,
    method: row.method,
    donorName: row.donorName,
    anonymous: row.anonymous,
    source: row.source,
    externalId: row.externalId,
    eventNote: row.eventNote,
    receivedByUserId: row.receivedByUserId,
    detail: JSON.stringify({ campaign_id: row.campaignId, method: row.method, source: row.source }),
  };
  group.entries.forEach((e, i) => {
    values[`account${i}`] = e.account;
    values[`amount${i}`] = e.amount;
  });
  return {
    name: statement.name,
    text: statement.text,
    values: fillPlaceholders(statement.params, values),
  };
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
  const { rows } = await runNamed<Returned>(db, donationQuery(actor, group, row));
  const r = rows[0];
  return r ? giftFromRow(r) : null;
}

/** The gift in the shape the app uses. */
export function giftFromRow(r: Returned): Gift {
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
