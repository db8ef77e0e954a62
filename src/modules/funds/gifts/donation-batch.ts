// Gifts that arrive together are written together (group commit, decision 108): while
// earlier gift statements are in flight, new gifts wait, then go as ONE statement of the
// same five steps as donation-statement.ts — the campaigns' lock, the groups, their entries,
// the gifts and one audit row per gift — so PostgreSQL starts one executor and commits (and
// flushes its WAL) once for all of them. Each request gets its own row back, or null when
// its group's Idempotency-Key was taken (then it answers with the first gift, as before).
// If PostgreSQL refuses the statement (a repeated external id, a deadlock, anything),
// nothing of it was written and every gift of it is sent again alone through the one-gift
// statement, which gives each its own answer: one bad gift never fails the others.
import { fillPlaceholders, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { runNamed } from "../../../db/prepared";
import type { Actor } from "../../../platform/actor";
import { auditFrom } from "../../../platform/audit";
import { isDatabaseRefusal } from "../../../platform/errors";
import { groupCommit, perHandle } from "../../../platform/group-commit";
import type { Group } from "../ledger/ledger";
import { type DonationRow, giftFromRow, insertDonation, type Returned } from "./donation-statement";
import type { Gift } from "./gift-record";

type Pending = { actor: Actor; group: Group; row: DonationRow };

/** Statements of gifts in flight at once (the pool has 10 connections; the rest read). */
const IN_FLIGHT = 2;
/** The most gifts in one statement. */
const MOST = 64;

// One row of input per gift, as JSON: one parameter whatever the number of gifts, so the
// statement is named (planned once per connection) and its text never changes.
const batchSql = () => sql`
  WITH i AS (
    SELECT * FROM json_to_recordset(${sql.placeholder("gifts")}::json) AS x(
      org_id uuid, user_id uuid, campaign_id uuid, currency text, group_id uuid, kind text,
      idempotency_key text, received_at timestamptz, memo text, gift_id uuid,
      amount_cents bigint, method text, donor_name text, anonymous boolean, source text,
      external_id text, event_note text, received_by_user_id uuid, detail jsonb,
      account0 text, amount0 bigint, account1 text, amount1 bigint)
  ),
  c AS (
    SELECT i.* FROM i
    JOIN campaigns ca ON ca.org_id = i.org_id AND ca.id = i.campaign_id AND ca.currency = i.currency
    FOR KEY SHARE OF ca
  ),
  g AS (
    INSERT INTO ledger_groups (id, org_id, campaign_id, kind, idempotency_key, created_by,
      occurred_at, memo)
    SELECT group_id, org_id, campaign_id, kind, idempotency_key, user_id, received_at, memo
    FROM c ORDER BY org_id, idempotency_key
    ON CONFLICT (org_id, idempotency_key) DO NOTHING
    RETURNING id
  ),
  w AS (SELECT c.* FROM c JOIN g ON g.id = c.group_id),
  e AS (
    INSERT INTO ledger_entries (org_id, group_id, campaign_id, account, amount_cents)
    SELECT w.org_id, w.group_id, w.campaign_id, x.account, x.amount
    FROM w CROSS JOIN LATERAL (VALUES (w.account0, w.amount0), (w.account1, w.amount1))
      AS x(account, amount)
  ),
  gi AS (
    INSERT INTO gifts (id, org_id, campaign_id, group_id, amount_cents, currency, method,
      received_at, donor_name, anonymous, source, external_id, event_note, received_by_user_id)
    SELECT gift_id, org_id, campaign_id, group_id, amount_cents, currency, method,
      received_at, donor_name, anonymous, source, external_id, event_note, received_by_user_id
    FROM w
    RETURNING *
  ),
  a AS (${auditFrom(
    { orgId: sql`gi.org_id`, userId: sql`w.user_id` },
    "gift.recorded",
    { type: "gift", id: sql`gi.id` },
    sql`w.detail`,
    sql`gi JOIN w ON w.gift_id = gi.id`,
  )})
  SELECT gi.*, u.name AS received_by_name
  FROM gi LEFT JOIN users u ON u.id = gi.received_by_user_id`;

let built: { text: string; params: unknown[] } | null = null;

/** The batch statement with its values: the bench and the tests may send it too. */
export function donationBatchQuery(items: Pending[]): {
  name: string;
  text: string;
  values: unknown[];
} {
  if (!built) {
    const q = new PgDialect().sqlToQuery(batchSql());
    built = { text: q.sql, params: q.params };
  }
  const gifts = items.map(({ actor, group, row }) => ({
    org_id: actor.orgId,
    user_id: actor.userId,
    campaign_id: row.campaignId,
    currency: row.currency,
    group_id: group.id,
    kind: group.movement.kind,
    idempotency_key: group.idempotencyKey ?? null,
    received_at: row.receivedAt.toISOString(),
    memo: row.memo,
    gift_id: row.giftId,
    amount_cents: row.amountCents,
    method: row.method,
    donor_name: row.donorName,
    anonymous: row.anonymous,
    source: row.source,
    external_id: row.externalId,
    event_note: row.eventNote,
    received_by_user_id: row.receivedByUserId,
    detail: { campaign_id: row.campaignId, method: row.method, source: row.source },
    account0: group.entries[0]?.account,
    amount0: group.entries[0]?.amount,
    account1: group.entries[1]?.account,
    amount1: group.entries[1]?.amount,
  }));
  return {
    name: "funds_donation_batch",
    text: built.text,
    values: fillPlaceholders(built.params, { gifts: JSON.stringify(gifts) }),
  };
}

/** Each gift alone, each with its own answer or error (after a batch failed). */
function oneByOne(db: Db, items: Pending[]): Promise<(Gift | null | Error)[]> {
  return Promise.all(
    items.map((p) =>
      insertDonation(db, p.actor, p.group, p.row).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      ),
    ),
  );
}

async function writeBatch(db: Db, items: Pending[]): Promise<(Gift | null | Error)[]> {
  if (items.length === 1) return oneByOne(db, items);
  let rows: Returned[];
  try {
    rows = (await runNamed<Returned>(db, donationBatchQuery(items))).rows;
  } catch (error) {
    // Refused by PostgreSQL: nothing was written, each gift is tried alone. Anything else (a
    // lost connection) may have committed: retrying could double a gift without a key.
    if (!isDatabaseRefusal(error)) throw error;
    return oneByOne(db, items);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((p) => {
    const r = byId.get(p.row.giftId);
    return r ? giftFromRow(r) : null;
  });
}

// Two gifts that could collide on a unique key never share a statement: the later one
// waits for the next, and then finds the first (and answers with it).
const clash = (a: Pending, b: Pending) =>
  a.actor.orgId === b.actor.orgId &&
  ((a.group.idempotencyKey != null && a.group.idempotencyKey === b.group.idempotencyKey) ||
    (a.row.externalId !== null &&
      a.row.externalId === b.row.externalId &&
      a.row.source === b.row.source));

const submit = perHandle((db: Db) =>
  groupCommit<Pending, Gift | null>({
    inFlight: IN_FLIGHT,
    most: MOST,
    clash,
    run: (items) => writeBatch(db, items),
  }),
);

/**
 * Writes the gift as insertDonation does (the same answers: the gift, null when its
 * campaign moved or its Idempotency-Key is taken, a unique violation for a repeated
 * external id), sharing the statement with gifts that arrive at the same moment.
 */
export function insertDonationTogether(
  db: Db,
  actor: Actor,
  group: Group,
  row: DonationRow,
): Promise<Gift | null> {
  if (group.entries.length !== 2) return insertDonation(db, actor, group, row);
  return submit(db, { actor, group, row });
}
