import { and, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { ownRow } from "../../../db/columns";
import { type Cents, type Currency, cents } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import { memberships, ROLES, users } from "../../../platform/platform.schema";
import { fold, likePattern } from "../../../platform/text";
import { gifts, ledgerGroups } from "../funds.schema";
import type { GiftMethod } from "./gift";

export type Gift = {
  id: string;
  campaignId: string;
  groupId: string;
  amountCents: Cents;
  currency: Currency;
  method: GiftMethod;
  receivedAt: Date;
  donorName: string | null;
  /** Public pages show no donor name unless this is false. */
  anonymous: boolean;
  source: string;
  externalId: string | null;
  eventNote: string | null;
  receivedByUserId: string | null;
  receivedByName: string | null;
  /** A reversal cancelled this gift; it stays on record and no longer counts. */
  reversed: boolean;
  createdAt: Date;
};

// A scalar subquery with LIMIT, not EXISTS: with EXISTS the planner may hash every group of
// the organization once (a 100,000-gift campaign: 40 ms) to show 50 gifts.
const reversal = sql<boolean>`coalesce((SELECT true FROM ${ledgerGroups} r WHERE r.reverses_group_id = ${gifts.groupId} LIMIT 1), false)`;

const giftSelect = (db: Db) =>
  db
    .select({
      row: gifts,
      receivedByName: users.name,
      reversed: reversal,
    })
    .from(gifts)
    .leftJoin(users, eq(users.id, gifts.receivedByUserId));

type GiftRow = { row: typeof gifts.$inferSelect; receivedByName: string | null; reversed: boolean };

function giftFromRow({ row, receivedByName, reversed }: GiftRow): Gift {
  return {
    id: row.id,
    campaignId: row.campaignId,
    groupId: row.groupId,
    amountCents: cents(row.amountCents),
    currency: row.currency,
    method: row.method,
    receivedAt: row.receivedAt,
    donorName: row.donorName,
    anonymous: row.anonymous,
    source: row.source,
    externalId: row.externalId,
    eventNote: row.eventNote,
    receivedByUserId: row.receivedByUserId,
    receivedByName,
    reversed: Boolean(reversed),
    createdAt: row.createdAt,
  };
}

export async function getGift(db: Db, orgId: string, id: string): Promise<Gift | null> {
  const [row] = await giftSelect(db).where(ownRow(gifts, orgId, id));
  return row ? giftFromRow(row) : null;
}

/**
 * The gift an earlier request already made under the same Idempotency-Key, or with the
 * same (source, external_id); null when this is a new gift.
 */
export async function findExistingGift(
  db: Db,
  orgId: string,
  keys: { idempotencyKey: string | null; source: string; externalId: string | null },
): Promise<Gift | null> {
  const matches: SQL[] = [];
  if (keys.idempotencyKey !== null) {
    matches.push(
      sql`${gifts.groupId} IN (SELECT id FROM ${ledgerGroups} WHERE ${ledgerGroups.orgId} = ${orgId} AND ${ledgerGroups.idempotencyKey} = ${keys.idempotencyKey})`,
    );
  }
  if (keys.externalId !== null) {
    matches.push(and(eq(gifts.source, keys.source), eq(gifts.externalId, keys.externalId)) as SQL);
  }
  if (matches.length === 0) return null;
  const [row] = await giftSelect(db)
    .where(and(eq(gifts.orgId, orgId), or(...matches)))
    .orderBy(gifts.createdAt)
    .limit(1);
  return row ? giftFromRow(row) : null;
}

export type GiftQuery = { q?: string; limit?: number };

/** A campaign's gifts, newest first; `q` matches the donor's name or the event note. */
export async function listGifts(
  db: Db,
  orgId: string,
  campaignId: string,
  query: GiftQuery = {},
): Promise<Gift[]> {
  const text = query.q?.trim();
  const filters: SQL[] = [eq(gifts.orgId, orgId), eq(gifts.campaignId, campaignId)];
  if (text) {
    const pattern = likePattern(fold(text));
    const folded = (column: SQL) =>
      sql`translate(lower(coalesce(${column}, '')), 'áéíóúüñàèìòùç', 'aeiouunaeiouc')`;
    filters.push(
      or(
        ilike(folded(sql`${gifts.donorName}`), pattern),
        ilike(folded(sql`${gifts.eventNote}`), pattern),
      ) as SQL,
    );
  }
  const rows = await giftSelect(db)
    .where(and(...filters))
    .orderBy(desc(gifts.receivedAt), desc(gifts.createdAt))
    .limit(query.limit ?? 50);
  return rows.map(giftFromRow);
}

/** The organization's team, for "received by". */
export async function listTeam(db: Db, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(users.name);
}

/** How many people of the organization may approve payments (funds.approve). */
export async function countApprovers(db: Db, orgId: string): Promise<number> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(
          memberships.role,
          ROLES.filter((r) => can(r, "funds.approve")),
        ),
      ),
    );
  return rows.length;
}

export async function isTeamMember(db: Db, orgId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return !!row;
}
