// The ledger's sums from the database (decision 084): the newest checkpoint of each
// campaign plus the groups recorded after it, aggregated in SQL. Nothing is loaded group
// by group, and no running total is kept: a checkpoint is an immutable sum of the groups
// recorded up to a moment, built from the previous checkpoint and the groups in between.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Account, MovementKind } from "./ledger";
import type { LedgerSum } from "./ledger-sums";

/** Past this many entries after the newest checkpoint, reading builds the next one. */
export const CHECKPOINT_AFTER_ENTRIES = 2_000;

const uuidList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

type SumRow = {
  campaign_id: string;
  month: string;
  kind: MovementKind;
  account: Account;
  amount: string | number;
  positive: string | number;
  negative: string | number;
  tail: string | number;
};

/**
 * Sums per campaign (month in the organization's time zone, kind, account), and how many
 * entries were read past the newest checkpoint. One statement, whatever the ledger's size.
 */
export async function readLedgerSums(
  db: Db,
  orgId: string,
  campaignIds: readonly string[],
): Promise<Map<string, { sums: LedgerSum[]; tailEntries: number }>> {
  const out = new Map(campaignIds.map((id) => [id, { sums: [] as LedgerSum[], tailEntries: 0 }]));
  if (campaignIds.length === 0) return out;
  const { rows } = await db.execute<SumRow>(sql`
    WITH org AS (SELECT time_zone AS tz FROM organizations WHERE id = ${orgId}),
    cp AS (
      SELECT c.id AS campaign_id,
        (SELECT max(k.upto) FROM ledger_checkpoints k
          WHERE k.campaign_id = c.id AND k.time_zone = (SELECT tz FROM org)) AS upto
      FROM unnest(ARRAY[${uuidList(campaignIds)}]) AS c(id)
    )
    SELECT x.campaign_id, x.month, x.kind, x.account, sum(x.amount) AS amount,
      sum(x.positive) AS positive, sum(x.negative) AS negative, sum(x.tail) AS tail
    FROM (
      SELECT k.campaign_id, k.month, k.kind, k.account, k.amount_cents AS amount,
        k.positive, k.negative, 0 AS tail
      FROM cp JOIN ledger_checkpoints k ON k.campaign_id = cp.campaign_id AND k.upto = cp.upto
        AND k.time_zone = (SELECT tz FROM org)
      WHERE k.org_id = ${orgId}
      UNION ALL
      SELECT g.campaign_id, to_char(g.occurred_at AT TIME ZONE (SELECT tz FROM org), 'YYYY-MM'),
        g.kind, e.account, e.amount_cents, (e.amount_cents > 0)::int, (e.amount_cents < 0)::int, 1
      FROM cp
      JOIN ledger_groups g ON g.campaign_id = cp.campaign_id
        AND g.created_at > coalesce(cp.upto, '-infinity'::timestamptz)
      JOIN ledger_entries e ON e.group_id = g.id
      WHERE g.org_id = ${orgId}
    ) x
    GROUP BY x.campaign_id, x.month, x.kind, x.account`);
  for (const r of rows) {
    const slot = out.get(r.campaign_id);
    if (!slot) continue;
    slot.tailEntries += Number(r.tail);
    slot.sums.push({
      month: r.month,
      kind: r.kind,
      account: r.account,
      amountCents: Number(r.amount),
      positive: Number(r.positive),
      negative: Number(r.negative),
    });
  }
  return out;
}

/**
 * The moment up to which every group is committed and visible: before the start of every
 * transaction still running (their groups carry created_at = now(), their start), minus
 * a margin for the clock. Read in its own statement, before the checkpoint's snapshot.
 */
async function safeMoment(db: Db, marginMs: number): Promise<string> {
  const { rows } = await db.execute<{ t: string }>(sql`
    SELECT (least(now(), coalesce(min(xact_start), now()))
      - make_interval(secs => ${marginMs / 1000}))::text AS t
    FROM pg_stat_activity WHERE xact_start IS NOT NULL AND datname = current_database()`);
  const t = rows[0]?.t;
  if (!t) throw new Error("no safe moment");
  return t;
}

/**
 * Writes the campaign's next checkpoint: the previous one (same time zone) plus the groups
 * recorded after it, up to the safe moment. Returns false when there was nothing to add.
 */
export async function advanceCheckpoint(
  db: Db,
  orgId: string,
  campaignId: string,
  options: { marginMs?: number } = {},
): Promise<boolean> {
  const upto = await safeMoment(db, options.marginMs ?? 1_000);
  const { rows } = await db.execute<{ n: string | number }>(sql`
    WITH org AS (SELECT time_zone AS tz FROM organizations WHERE id = ${orgId}),
    prev AS (
      SELECT coalesce(max(upto), '-infinity'::timestamptz) AS upto FROM ledger_checkpoints
      WHERE campaign_id = ${campaignId} AND time_zone = (SELECT tz FROM org)
        AND upto < ${upto}::timestamptz
    ),
    added AS (
      SELECT count(*) AS n FROM ledger_groups g
      WHERE g.campaign_id = ${campaignId} AND g.org_id = ${orgId}
        AND g.created_at > (SELECT upto FROM prev) AND g.created_at <= ${upto}::timestamptz
    ),
    ins AS (
      INSERT INTO ledger_checkpoints (org_id, campaign_id, upto, time_zone, month, kind,
        account, amount_cents, positive, negative)
      SELECT ${orgId}, ${campaignId}, ${upto}::timestamptz, (SELECT tz FROM org), x.month, x.kind,
        x.account, sum(x.amount), sum(x.positive), sum(x.negative)
      FROM (
        SELECT k.month, k.kind, k.account, k.amount_cents AS amount, k.positive, k.negative
        FROM ledger_checkpoints k
        WHERE k.campaign_id = ${campaignId} AND k.time_zone = (SELECT tz FROM org)
          AND k.upto = (SELECT upto FROM prev)
        UNION ALL
        SELECT to_char(g.occurred_at AT TIME ZONE (SELECT tz FROM org), 'YYYY-MM'), g.kind,
          e.account, e.amount_cents, (e.amount_cents > 0)::int, (e.amount_cents < 0)::int
        FROM ledger_groups g JOIN ledger_entries e ON e.group_id = g.id
        WHERE g.campaign_id = ${campaignId} AND g.org_id = ${orgId}
          AND g.created_at > (SELECT upto FROM prev) AND g.created_at <= ${upto}::timestamptz
      ) x
      WHERE (SELECT n FROM added) > 0
      GROUP BY x.month, x.kind, x.account
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT count(*) AS n FROM ins`);
  return Number(rows[0]?.n ?? 0) > 0;
}

const building = new Set<string>();

/**
 * Totals of campaigns from the database; when many entries were read past a campaign's
 * newest checkpoint, its next checkpoint is built in the background (one at a time per
 * campaign in this process; a failure only means the next read builds it).
 */
export async function ledgerSums(
  db: Db,
  orgId: string,
  campaignIds: readonly string[],
): Promise<Map<string, LedgerSum[]>> {
  const read = await readLedgerSums(db, orgId, campaignIds);
  const out = new Map<string, LedgerSum[]>();
  for (const [id, { sums, tailEntries }] of read) {
    out.set(id, sums);
    if (tailEntries > CHECKPOINT_AFTER_ENTRIES && !building.has(id)) {
      building.add(id);
      advanceCheckpoint(db, orgId, id)
        .catch(() => {})
        .finally(() => building.delete(id));
    }
  }
  return out;
}
