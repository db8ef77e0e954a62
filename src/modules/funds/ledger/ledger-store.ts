import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../platform/actor";
import { AppError } from "../../../platform/errors";
import { cents } from "../../../platform/money";
import { users } from "../../../platform/platform.schema";
import type { Campaign } from "../campaign";
import { ledgerEntries, ledgerGroups } from "../funds.schema";
import {
  decide,
  type Group,
  type LedgerError,
  type LedgerState,
  ledgerState,
  type Movement,
  type Outcome,
} from "./ledger";
import { totalsFromSums } from "./ledger-sums";
import { readLedgerSums } from "./ledger-totals";
import {
  bondIdOf,
  type EntryRow,
  entriesByGroup,
  groupFromRow,
  groupsFromRows,
} from "./stored-ledger";
import "../funds.errors";

// The ledger as stored: groups and entries in, pure ledger groups out (and back).

const groupColumns = {
  id: ledgerGroups.id,
  campaignId: ledgerGroups.campaignId,
  kind: ledgerGroups.kind,
  reversesGroupId: ledgerGroups.reversesGroupId,
  bondId: ledgerGroups.bondId,
  idempotencyKey: ledgerGroups.idempotencyKey,
};

/** What a group's entries are read as (EntryRow): its group, account and amount. */
const entryColumns = {
  groupId: ledgerEntries.groupId,
  account: ledgerEntries.account,
  amountCents: ledgerEntries.amountCents,
};

/** Every group of the campaign, oldest first, with its entries. */
export async function loadGroups(
  db: Db,
  orgId: string,
  campaign: Pick<Campaign, "id" | "currency">,
): Promise<Group[]> {
  const byCampaign = await loadGroupsFor(db, orgId, [campaign]);
  return byCampaign.get(campaign.id) ?? [];
}

/** A stored group with when and why it happened. */
export type LedgerLine = {
  group: Group;
  campaignId: string;
  occurredAt: Date;
  memo: string | null;
  createdAt: Date;
  createdByName: string | null;
  /** The reversal that cancelled this group, if any. */
  reversedBy: string | null;
};

/** The ledger of several campaigns (or one), oldest first. */
export async function loadLedger(
  db: Db,
  orgId: string,
  list: readonly Pick<Campaign, "id" | "currency">[],
): Promise<LedgerLine[]> {
  if (list.length === 0) return [];
  const ids = list.map((c) => c.id);
  const rows = await db
    .select({
      ...groupColumns,
      occurredAt: ledgerGroups.occurredAt,
      memo: ledgerGroups.memo,
      createdAt: ledgerGroups.createdAt,
      createdByName: users.name,
    })
    .from(ledgerGroups)
    .leftJoin(users, eq(users.id, ledgerGroups.createdBy))
    .where(and(eq(ledgerGroups.orgId, orgId), inArray(ledgerGroups.campaignId, ids)))
    .orderBy(asc(ledgerGroups.createdAt), asc(ledgerGroups.id));
  const entries: EntryRow[] = await db
    .select(entryColumns)
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), inArray(ledgerEntries.campaignId, ids)))
    .orderBy(asc(ledgerEntries.account));
  const currency = new Map(list.map((c) => [c.id, c.currency]));
  const byGroup = entriesByGroup(entries);
  const reversedBy = new Map<string, string>();
  for (const r of rows) if (r.reversesGroupId) reversedBy.set(r.reversesGroupId, r.id);
  return rows.map((r) => {
    return {
      group: groupFromRow(r, byGroup.get(r.id) ?? [], currency.get(r.campaignId) ?? "USD"),
      campaignId: r.campaignId,
      occurredAt: r.occurredAt,
      memo: r.memo,
      createdAt: r.createdAt,
      createdByName: r.createdByName,
      reversedBy: reversedBy.get(r.id) ?? null,
    };
  });
}

/** Groups of several campaigns at once (a list page), keyed by campaign id. */
export async function loadGroupsFor(
  db: Db,
  orgId: string,
  list: readonly Pick<Campaign, "id" | "currency">[],
): Promise<Map<string, Group[]>> {
  const out = new Map<string, Group[]>(list.map((c) => [c.id, []]));
  for (const line of await loadLedger(db, orgId, list)) out.get(line.campaignId)?.push(line.group);
  return out;
}

/**
 * What the pure ledger needs to decide a movement, without reading the whole ledger: the
 * balances summed in the database, every bond's groups, and (for a reversal) the group
 * to reverse and any reversal of it. The caller holds the campaign's lock.
 */
export async function loadState(
  tx: Db,
  orgId: string,
  campaign: Pick<Campaign, "id" | "currency">,
  options: { groupId?: string } = {},
): Promise<LedgerState> {
  const target = options.groupId
    ? [eq(ledgerGroups.id, options.groupId), eq(ledgerGroups.reversesGroupId, options.groupId)]
    : [];
  const rows = await tx
    .select(groupColumns)
    .from(ledgerGroups)
    .where(
      and(
        eq(ledgerGroups.orgId, orgId),
        eq(ledgerGroups.campaignId, campaign.id),
        or(isNotNull(ledgerGroups.bondId), ...target),
      ),
    )
    .orderBy(asc(ledgerGroups.createdAt), asc(ledgerGroups.id));
  const entries: EntryRow[] =
    rows.length === 0
      ? []
      : await tx
          .select(entryColumns)
          .from(ledgerEntries)
          .where(
            inArray(
              ledgerEntries.groupId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(ledgerEntries.account));
  const state = ledgerState(campaign.currency, groupsFromRows(rows, entries, campaign.currency));
  const sums = (await readLedgerSums(tx, orgId, [campaign.id])).get(campaign.id)?.sums ?? [];
  const totals = totalsFromSums(sums);
  return {
    ...state,
    balances: {
      fund: totals.availableCents,
      bonds_receivable: totals.onBondCents,
      outside: cents(-(totals.availableCents + totals.onBondCents)),
    },
  };
}

/** A decided group's row of ledger_groups (writeGroup, and gifts written many at once). */
export const groupRow = (
  actor: Actor,
  campaignId: string,
  group: Group,
  occurredAt: Date,
  memo: string | null,
) => ({
  id: group.id,
  orgId: actor.orgId,
  campaignId,
  kind: group.movement.kind,
  reversesGroupId: group.reverses ?? null,
  bondId: bondIdOf(group.movement),
  idempotencyKey: group.idempotencyKey ?? null,
  createdBy: actor.userId,
  occurredAt,
  memo,
});

/** A decided group's rows of ledger_entries. */
export const entryRows = (actor: Actor, campaignId: string, group: Group) =>
  group.entries.map((e) => ({
    orgId: actor.orgId,
    groupId: group.id,
    campaignId,
    account: e.account,
    amountCents: e.amount,
  }));

/** Writes a group the pure ledger decided on; the database checks at commit that it balances. */
export async function writeGroup(
  tx: Db,
  actor: Actor,
  campaignId: string,
  group: Group,
  extra: { occurredAt?: Date; memo?: string | null } = {},
): Promise<void> {
  await tx
    .insert(ledgerGroups)
    .values(groupRow(actor, campaignId, group, extra.occurredAt ?? new Date(), extra.memo ?? null));
  await tx.insert(ledgerEntries).values(entryRows(actor, campaignId, group));
}

/** The group the pure ledger decided to write, or its refusal as the app's typed error. */
export function appliedGroup(outcome: Outcome): Group {
  if (outcome.status === "applied") return outcome.group;
  throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
}

/** A new group (a fresh id) recording `movement`, as the pure ledger decides it from `state`. */
export const recordedGroup = (state: LedgerState, movement: Movement): Group =>
  appliedGroup(decide(state, { op: "record", id: randomUUID(), movement }));

/** A refusal from the pure ledger as the app's typed error. */
export function refusal(error: LedgerError): AppError {
  switch (error.code) {
    case "amount_not_positive":
      return new AppError("validation_failed", { [error.field]: "amount_not_positive" });
    case "currency_mismatch":
      return new AppError("validation_failed", { currency: "currency_mismatch" });
    case "insufficient_funds":
      return new AppError("insufficient_funds");
    case "bond_already_settled":
      return new AppError("bond_settled");
    case "bond_not_outstanding":
      return new AppError("not_found");
    case "bond_amount_mismatch":
      return new AppError("validation_failed", { principal: "invalid_amount" });
    case "group_not_found":
      return new AppError("not_found");
    case "group_already_reversed":
      return new AppError("already_reversed");
    case "reversal_not_reversible":
      return new AppError("not_reversible");
    case "bond_id_in_use":
    case "duplicate_group_id":
      return new AppError("conflict");
  }
}
