// Stored rows <-> the pure ledger's groups. Pure: no I/O.
// A group row keeps only its kind (and bond id); the movement's amounts are read back
// from its entries, so nothing is stored twice and nothing can disagree.

import { groupBy } from "../../../platform/group-by";
import { type Cents, type Currency, cents } from "../../../platform/money";
import type { Account, Entry, Group, Movement, MovementKind } from "./ledger";

export type GroupRow = {
  id: string;
  kind: MovementKind;
  reversesGroupId: string | null;
  bondId: string | null;
  idempotencyKey: string | null;
};
export type EntryRow = { groupId: string; account: Account; amountCents: number };

function sumOf(entries: readonly Entry[], account: Account, sign: 1 | -1): Cents {
  let total = 0;
  for (const e of entries) if (e.account === account) total += e.amount;
  return cents(sign * total);
}

/** The movement a group's entries record (for a reversal: the movement it cancels). */
export function movementOf(row: GroupRow, entries: readonly Entry[], currency: Currency): Movement {
  const sign = row.reversesGroupId ? -1 : 1;
  const bondId = row.bondId ?? "";
  switch (row.kind) {
    case "donation":
      return { kind: "donation", currency, amount: sumOf(entries, "fund", sign) };
    case "refund":
    case "disbursement":
      return { kind: row.kind, currency, amount: sumOf(entries, "outside", sign) };
    case "bond_posted":
      return {
        kind: "bond_posted",
        currency,
        bondId,
        amount: sumOf(entries, "bonds_receivable", sign),
      };
    case "bond_returned":
      return {
        kind: "bond_returned",
        currency,
        bondId,
        principal: cents(-sumOf(entries, "bonds_receivable", sign)),
        interest: cents(-sumOf(entries, "outside", sign)),
      };
    case "bond_forfeited":
      return {
        kind: "bond_forfeited",
        currency,
        bondId,
        principal: cents(-sumOf(entries, "bonds_receivable", sign)),
      };
  }
}

export function entriesByGroup(entryRows: readonly EntryRow[]): Map<string, Entry[]> {
  return groupBy(
    entryRows,
    (e) => e.groupId,
    (e): Entry => ({ account: e.account, amount: cents(e.amountCents) }),
  );
}

export function groupFromRow(row: GroupRow, entries: readonly Entry[], currency: Currency): Group {
  const group: Group = { id: row.id, movement: movementOf(row, entries, currency), entries };
  return {
    ...group,
    ...(row.reversesGroupId ? { reverses: row.reversesGroupId } : {}),
    ...(row.idempotencyKey ? { idempotencyKey: row.idempotencyKey } : {}),
  };
}

/** Groups in the order of `rows`, each with its entries, ready for ledgerState/campaignTotals. */
export function groupsFromRows(
  rows: readonly GroupRow[],
  entryRows: readonly EntryRow[],
  currency: Currency,
): Group[] {
  const byGroup = entriesByGroup(entryRows);
  return rows.map((row) => groupFromRow(row, byGroup.get(row.id) ?? [], currency));
}

/** The bond a movement is about, if any (stored on the group row). */
export function bondIdOf(m: Movement): string | null {
  return m.kind === "bond_posted" || m.kind === "bond_returned" || m.kind === "bond_forfeited"
    ? m.bondId
    : null;
}
