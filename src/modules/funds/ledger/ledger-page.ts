// One page of a campaign's ledger, read in SQL (decision 084): keyset paging on
// (created_at, id) for the ledger page, an entry window for the JSON API. Never the whole
// ledger to show a page of it.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { type Cents, cents } from "../../../platform/money";
import type { DisbursementPurpose } from "../disbursements/disbursement";
import type { GiftMethod } from "../gifts/gift";
import type { Account, MovementKind } from "./ledger";

/** A movement as a person reads it, with its double entry. */
export type LedgerPageLine = {
  groupId: string;
  kind: MovementKind;
  /** The group this one cancels (a reversal). */
  reverses: string | null;
  reversedBy: string | null;
  occurredAt: Date;
  memo: string | null;
  createdByName: string | null;
  entries: { account: Account; amountCents: Cents }[];
  /** What the movement moved, always positive (a reversal: what it cancels). */
  amountCents: Cents;
  interestCents: Cents;
  /** The gift, payment or bond it is about (a reversal: the original's). */
  gift: { donorName: string | null; anonymous: boolean; method: GiftMethod } | null;
  payment: { payee: string; purpose: DisbursementPurpose } | null;
};

export type LedgerPage = {
  lines: LedgerPageLine[];
  /** Cursors: the group after which older lines start, and before which newer ones end. */
  older: string | null;
  newer: string | null;
};

type Row = {
  id: string;
  kind: MovementKind;
  reverses_group_id: string | null;
  reversed_by: string | null;
  occurred_at: Date | string;
  memo: string | null;
  created_by_name: string | null;
  entries: { account: Account; amount: number | string }[] | string;
  donor_name: string | null;
  anonymous: boolean | null;
  method: GiftMethod | null;
  payee: string | null;
  purpose: DisbursementPurpose | null;
};

function lineOf(r: Row): LedgerPageLine {
  const list = typeof r.entries === "string" ? JSON.parse(r.entries) : r.entries;
  const entries = (list as { account: Account; amount: number | string }[]).map((e) => ({
    account: e.account,
    amountCents: cents(Number(e.amount)),
  }));
  const sign = r.reverses_group_id ? -1 : 1;
  const on = (account: Account) =>
    sign * entries.reduce((s, e) => (e.account === account ? s + e.amountCents : s), 0);
  const amount =
    r.kind === "donation" || r.kind === "bond_returned"
      ? on("fund")
      : r.kind === "bond_posted"
        ? on("bonds_receivable")
        : r.kind === "bond_forfeited"
          ? -on("bonds_receivable")
          : on("outside");
  return {
    groupId: r.id,
    kind: r.kind,
    reverses: r.reverses_group_id,
    reversedBy: r.reversed_by,
    occurredAt: new Date(r.occurred_at),
    memo: r.memo,
    createdByName: r.created_by_name,
    entries,
    amountCents: cents(amount),
    interestCents: cents(r.kind === "bond_returned" ? -on("outside") : 0),
    gift:
      r.method !== null
        ? { donorName: r.donor_name, anonymous: r.anonymous ?? true, method: r.method }
        : null,
    payment: r.payee !== null && r.purpose !== null ? { payee: r.payee, purpose: r.purpose } : null,
  };
}

const lineColumns = sql`g.id, g.kind, g.reverses_group_id, g.occurred_at, g.memo,
  u.name AS created_by_name,
  (SELECT r.id FROM ledger_groups r WHERE r.reverses_group_id = g.id) AS reversed_by,
  (SELECT json_agg(json_build_object('account', e.account, 'amount', e.amount_cents)
     ORDER BY e.account) FROM ledger_entries e WHERE e.group_id = g.id) AS entries,
  gi.donor_name, gi.anonymous, gi.method, d.payee, d.purpose`;

const lineJoins = sql`LEFT JOIN users u ON u.id = g.created_by
  LEFT JOIN gifts gi ON gi.group_id = coalesce(g.reverses_group_id, g.id)
  LEFT JOIN disbursements d ON d.paid_group_id = coalesce(g.reverses_group_id, g.id)`;

/**
 * Newest first. `before` (a group id) gives the lines older than it, `after` the lines
 * newer than it; neither gives the newest page.
 */
export async function ledgerPage(
  db: Db,
  orgId: string,
  campaignId: string,
  options: { before?: string | null; after?: string | null; limit: number },
): Promise<LedgerPage> {
  const { before, after, limit } = options;
  const key = (id: string) =>
    sql`(SELECT k.created_at, k.id FROM ledger_groups k
      WHERE k.id = ${id} AND k.campaign_id = ${campaignId})`;
  const where: SQL = after
    ? sql`AND (g.created_at, g.id) > ${key(after)}`
    : before
      ? sql`AND (g.created_at, g.id) < ${key(before)}`
      : sql``;
  const order = after ? sql`ASC` : sql`DESC`;
  const { rows } = await db.execute<Row>(sql`
    SELECT ${lineColumns} FROM ledger_groups g ${lineJoins}
    WHERE g.campaign_id = ${campaignId} AND g.org_id = ${orgId} ${where}
    ORDER BY g.created_at ${order}, g.id ${order}
    LIMIT ${limit + 1}`);
  const more = rows.length > limit;
  const page = rows.slice(0, limit).map(lineOf);
  if (after) page.reverse();
  const first = page[0]?.groupId ?? null;
  const last = page[page.length - 1]?.groupId ?? null;
  return {
    lines: page,
    older: (after ? true : more) ? last : null,
    newer: after ? (more ? first : null) : before ? first : null,
  };
}

/** One movement of the campaign, as on the ledger page (the reversal confirmation). */
export async function ledgerLine(
  db: Db,
  orgId: string,
  campaignId: string,
  groupId: string,
): Promise<LedgerPageLine | null> {
  const { rows } = await db.execute<Row>(sql`
    SELECT ${lineColumns} FROM ledger_groups g ${lineJoins}
    WHERE g.id = ${groupId} AND g.campaign_id = ${campaignId} AND g.org_id = ${orgId}`);
  return rows[0] ? lineOf(rows[0]) : null;
}

/** One ledger entry as the JSON API lists them (oldest first). */
export type LedgerEntryRow = {
  groupId: string;
  kind: MovementKind;
  reverses: string | null;
  reversedBy: string | null;
  account: Account;
  amountCents: Cents;
  occurredAt: Date;
  memo: string | null;
};

/** Where a page of entries ends: its last entry (a group and an account), as a string. */
export function entryCursor(e: Pick<LedgerEntryRow, "groupId" | "account">): string {
  return `${e.groupId}~${e.account}`;
}

export function parseEntryCursor(
  text: string | undefined,
): { groupId: string; account: Account } | null {
  const m = /^([0-9a-f-]{36})~(fund|bonds_receivable|outside)$/i.exec(text ?? "");
  return m?.[1] && m[2] ? { groupId: m[1].toLowerCase(), account: m[2] as Account } : null;
}

/**
 * The `limit` entries after a cursor in the order recorded (group, then account): a walk
 * along the (campaign, created_at, id) index from the cursor's group, whatever its depth.
 */
export async function ledgerEntriesAfter(
  db: Db,
  orgId: string,
  campaignId: string,
  cursor: { groupId: string; account: Account },
  limit: number,
): Promise<LedgerEntryRow[]> {
  const key = sql`(SELECT k.created_at, k.id FROM ledger_groups k
    WHERE k.id = ${cursor.groupId} AND k.campaign_id = ${campaignId})`;
  const { rows } = await db.execute<EntryRowRaw>(sql`
    SELECT ${entryColumns}
    FROM ledger_groups g JOIN ledger_entries e ON e.group_id = g.id
    WHERE g.campaign_id = ${campaignId} AND g.org_id = ${orgId}
      AND (g.created_at, g.id) >= ${key}
      AND (g.id <> ${cursor.groupId} OR e.account > ${cursor.account})
    ORDER BY g.created_at, g.id, e.account
    LIMIT ${limit}`);
  return rows.map(entryOf);
}

type EntryRowRaw = {
  id: string;
  kind: MovementKind;
  reverses_group_id: string | null;
  reversed_by: string | null;
  account: Account;
  amount_cents: number | string;
  occurred_at: Date | string;
  memo: string | null;
};

const entryColumns = sql`g.id, g.kind, g.reverses_group_id, g.occurred_at, g.memo, e.account,
  e.amount_cents,
  (SELECT r.id FROM ledger_groups r WHERE r.reverses_group_id = g.id) AS reversed_by`;

function entryOf(r: EntryRowRaw): LedgerEntryRow {
  return {
    groupId: r.id,
    kind: r.kind,
    reverses: r.reverses_group_id,
    reversedBy: r.reversed_by,
    account: r.account,
    amountCents: cents(Number(r.amount_cents)),
    occurredAt: new Date(r.occurred_at),
    memo: r.memo,
  };
}

/**
 * Entries `offset`..`offset + limit` in the order recorded (group, then account). Past the
 * middle of the ledger the window is read from the newest end, so no page reads more than
 * half of the ledger's index to skip to its place.
 */
export async function ledgerEntries(
  db: Db,
  orgId: string,
  campaignId: string,
  window: { offset: number; limit: number; total: number },
): Promise<LedgerEntryRow[]> {
  const { offset, limit, total } = window;
  if (offset >= total || limit <= 0) return [];
  const fromEnd = offset > total / 2;
  const skip = fromEnd ? Math.max(0, total - offset - limit) : offset;
  const take = fromEnd ? Math.min(limit, total - offset) : limit;
  const dir = fromEnd ? sql`DESC` : sql`ASC`;
  const { rows } = await db.execute<EntryRowRaw>(sql`
    SELECT ${entryColumns}
    FROM ledger_groups g JOIN ledger_entries e ON e.group_id = g.id
    WHERE g.campaign_id = ${campaignId} AND g.org_id = ${orgId}
    ORDER BY g.created_at ${dir}, g.id ${dir}, e.account ${dir}
    OFFSET ${skip} LIMIT ${take}`);
  const list = rows.map(entryOf);
  return fromEnd ? list.reverse() : list;
}
