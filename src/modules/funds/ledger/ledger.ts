// Pure double-entry ledger for one campaign: plain data in, plain data out, no I/O.
// Every movement is a group of entries summing to zero; corrections are reversals
// linked to the original, never edits; balances are always computed, never stored.
import { type Cents, type Currency, cents, negateCents } from "../../../platform/money";

/** "outside" is the rest of the world: money entering the group makes it go negative. */
export const ACCOUNTS = ["fund", "bonds_receivable", "outside"] as const;
export type Account = (typeof ACCOUNTS)[number];

export interface Entry {
  readonly account: Account;
  readonly amount: Cents;
}

// A bond settles once and whole: returned (principal plus any interest) or forfeited.
export type Movement =
  | { kind: "donation"; currency: Currency; amount: Cents }
  | { kind: "refund"; currency: Currency; amount: Cents }
  | { kind: "disbursement"; currency: Currency; amount: Cents }
  | { kind: "bond_posted"; currency: Currency; bondId: string; amount: Cents }
  | { kind: "bond_returned"; currency: Currency; bondId: string; principal: Cents; interest: Cents }
  | { kind: "bond_forfeited"; currency: Currency; bondId: string; principal: Cents };
export type MovementKind = Movement["kind"];

export interface Group {
  readonly id: string;
  /** For a reversal, the movement of the group it cancels. */
  readonly movement: Movement;
  readonly entries: readonly Entry[];
  /** Set on a correction: the id of the group this one cancels. */
  readonly reverses?: string;
  /** e.g. `${source}:${externalId}` or an Idempotency-Key header; replays add nothing. */
  readonly idempotencyKey?: string;
}

export type BondStatus = "outstanding" | "returned" | "forfeited";
export interface Bond {
  readonly principal: Cents;
  readonly status: BondStatus;
  readonly postedGroupId: string;
}

export interface LedgerState {
  readonly currency: Currency;
  readonly balances: Readonly<Record<Account, Cents>>;
  readonly groups: ReadonlyMap<string, Group>;
  /** original group id -> id of the reversal that cancels it */
  readonly reversedBy: ReadonlyMap<string, string>;
  readonly bonds: ReadonlyMap<string, Bond>;
  /** idempotency key -> group id */
  readonly keys: ReadonlyMap<string, string>;
}

export type LedgerError =
  | { code: "amount_not_positive"; field: "amount" | "principal" | "interest" }
  | { code: "currency_mismatch"; expected: Currency; got: Currency }
  | { code: "insufficient_funds"; availableCents: Cents; neededCents: Cents }
  | { code: "bond_not_outstanding"; bondId: string }
  | { code: "bond_already_settled"; bondId: string; status: "returned" | "forfeited" }
  | { code: "bond_id_in_use"; bondId: string }
  | { code: "bond_amount_mismatch"; bondId: string; expectedCents: Cents; gotCents: Cents }
  | { code: "group_not_found"; groupId: string }
  | { code: "group_already_reversed"; groupId: string; reversalId: string }
  | { code: "reversal_not_reversible"; groupId: string }
  | { code: "duplicate_group_id"; groupId: string };

const entry = (account: Account, amount: number): Entry => ({ account, amount: cents(amount) });

function rawEntries(m: Movement): Entry[] {
  switch (m.kind) {
    case "donation":
      return [entry("outside", -m.amount), entry("fund", m.amount)];
    case "refund":
    case "disbursement":
      return [entry("fund", -m.amount), entry("outside", m.amount)];
    case "bond_posted":
      return [entry("fund", -m.amount), entry("bonds_receivable", m.amount)];
    case "bond_returned": {
      const { principal: p, interest: i } = m;
      return [entry("bonds_receivable", -p), entry("outside", -i), entry("fund", p + i)];
    }
    case "bond_forfeited":
      return [entry("bonds_receivable", -m.principal), entry("outside", m.principal)];
  }
}

/** The entries of a movement; they always sum to zero. Zero entries are left out. */
export function movementEntries(m: Movement): Entry[] {
  return rawEntries(m).filter((e) => e.amount !== 0);
}

export function movementGroup(id: string, movement: Movement, idempotencyKey?: string): Group {
  const group: Group = { id, movement, entries: movementEntries(movement) };
  return idempotencyKey === undefined ? group : { ...group, idempotencyKey };
}

/** A correction: the same entries negated, linked to the original. */
export function reversal(group: Group, id: string, idempotencyKey?: string): Group {
  const entries = group.entries.map((e) => ({ account: e.account, amount: negateCents(e.amount) }));
  const reversed: Group = { id, movement: group.movement, entries, reverses: group.id };
  return idempotencyKey === undefined ? reversed : { ...reversed, idempotencyKey };
}

export function balances(groups: Iterable<Group>): Record<Account, Cents> {
  const sums: Record<Account, number> = { fund: 0, bonds_receivable: 0, outside: 0 };
  for (const g of groups) for (const e of g.entries) sums[e.account] += e.amount;
  return {
    fund: cents(sums.fund),
    bonds_receivable: cents(sums.bonds_receivable),
    outside: cents(sums.outside),
  };
}

export interface CampaignTotals {
  /** Donations minus refunds: what people gave. Bond interest is NOT in here (see below). */
  raisedCents: Cents;
  donatedCents: Cents;
  refundedCents: Cents;
  /** Interest paid on returned bonds: income, but nobody gave it, so kept apart from raised. */
  interestCents: Cents;
  availableCents: Cents;
  onBondCents: Cents;
  spentCents: Cents;
  forfeitedCents: Cents;
  /** Donations not reversed. */
  gifts: number;
}

/**
 * Totals for a campaign page. Every figure is net of reversals, and they satisfy
 * available + onBond + spent + forfeited == raised + interest.
 */
export function campaignTotals(groups: Iterable<Group>): CampaignTotals {
  const t = { donated: 0, refunded: 0, interest: 0, spent: 0, forfeited: 0, gifts: 0 };
  const all = [...groups];
  for (const g of all) {
    const sign = g.reverses === undefined ? 1 : -1;
    const m = g.movement;
    if (m.kind === "donation") {
      t.donated += sign * m.amount;
      t.gifts += sign;
    } else if (m.kind === "refund") t.refunded += sign * m.amount;
    else if (m.kind === "disbursement") t.spent += sign * m.amount;
    else if (m.kind === "bond_returned") t.interest += sign * m.interest;
    else if (m.kind === "bond_forfeited") t.forfeited += sign * m.principal;
  }
  const b = balances(all);
  return {
    raisedCents: cents(t.donated - t.refunded),
    donatedCents: cents(t.donated),
    refundedCents: cents(t.refunded),
    interestCents: cents(t.interest),
    availableCents: b.fund,
    onBondCents: b.bonds_receivable,
    spentCents: cents(t.spent),
    forfeitedCents: cents(t.forfeited),
    gifts: t.gifts,
  };
}

interface MutableState extends LedgerState {
  balances: Record<Account, Cents>;
  groups: Map<string, Group>;
  reversedBy: Map<string, string>;
  bonds: Map<string, Bond>;
  keys: Map<string, string>;
}

function copyState(s: LedgerState): MutableState {
  return {
    currency: s.currency,
    balances: { ...s.balances },
    groups: new Map(s.groups),
    reversedBy: new Map(s.reversedBy),
    bonds: new Map(s.bonds),
    keys: new Map(s.keys),
  };
}

// Trusts the group: callers check it first (decide / applyAll), or it was checked when stored.
function applyGroup(s: MutableState, g: Group): void {
  for (const e of g.entries) s.balances[e.account] = cents(s.balances[e.account] + e.amount);
  s.groups.set(g.id, g);
  if (g.idempotencyKey !== undefined) s.keys.set(g.idempotencyKey, g.id);
  if (g.reverses !== undefined) s.reversedBy.set(g.reverses, g.id);
  const m = g.movement;
  if (m.kind === "bond_posted" && g.reverses === undefined) {
    s.bonds.set(m.bondId, { principal: m.amount, status: "outstanding", postedGroupId: g.id });
  } else if (m.kind === "bond_posted") {
    s.bonds.delete(m.bondId); // a voided posting frees the bond id for a corrected one
  } else if (m.kind === "bond_returned" || m.kind === "bond_forfeited") {
    const bond = s.bonds.get(m.bondId);
    const settled = m.kind === "bond_returned" ? "returned" : "forfeited";
    if (bond) s.bonds.set(m.bondId, { ...bond, status: g.reverses ? "outstanding" : settled });
  }
}

export function emptyLedger(currency: Currency): LedgerState {
  return copyState({
    currency,
    balances: balances([]),
    groups: new Map(),
    reversedBy: new Map(),
    bonds: new Map(),
    keys: new Map(),
  });
}

/** Rebuilds the state from stored groups, in the order they were recorded. */
export function ledgerState(currency: Currency, groups: Iterable<Group>): LedgerState {
  const s = copyState(emptyLedger(currency));
  for (const g of groups) applyGroup(s, g);
  return s;
}

// Available must never go below zero, whatever the movement or reversal.
function checkFund(state: LedgerState, entries: readonly Entry[]): LedgerError | null {
  const needed = -entries.reduce((sum, e) => (e.account === "fund" ? sum + e.amount : sum), 0);
  if (needed <= state.balances.fund) return null;
  return {
    code: "insufficient_funds",
    availableCents: state.balances.fund,
    neededCents: cents(needed),
  };
}

/** Why a movement may not be recorded now, or null when it may. */
export function checkMovement(state: LedgerState, m: Movement): LedgerError | null {
  if (m.currency !== state.currency) {
    return { code: "currency_mismatch", expected: state.currency, got: m.currency };
  }
  if (m.kind === "bond_returned" || m.kind === "bond_forfeited") {
    if (m.principal <= 0) return { code: "amount_not_positive", field: "principal" };
    if (m.kind === "bond_returned" && m.interest < 0) {
      return { code: "amount_not_positive", field: "interest" };
    }
    const bond = state.bonds.get(m.bondId);
    if (!bond) return { code: "bond_not_outstanding", bondId: m.bondId };
    if (bond.status !== "outstanding") {
      return { code: "bond_already_settled", bondId: m.bondId, status: bond.status };
    }
    if (bond.principal === m.principal) return null;
    return {
      code: "bond_amount_mismatch",
      bondId: m.bondId,
      expectedCents: bond.principal,
      gotCents: m.principal,
    };
  }
  if (m.amount <= 0) return { code: "amount_not_positive", field: "amount" };
  if (m.kind === "bond_posted" && state.bonds.has(m.bondId)) {
    return { code: "bond_id_in_use", bondId: m.bondId };
  }
  return checkFund(state, movementEntries(m));
}

/** Why a group may not be reversed now, or null when it may. */
export function checkReversal(state: LedgerState, groupId: string): LedgerError | null {
  const g = state.groups.get(groupId);
  if (!g) return { code: "group_not_found", groupId };
  // Undo a mistaken reversal by recording the movement again, so the trail stays readable.
  if (g.reverses !== undefined) return { code: "reversal_not_reversible", groupId };
  const reversalId = state.reversedBy.get(groupId);
  if (reversalId !== undefined) return { code: "group_already_reversed", groupId, reversalId };
  const m = g.movement;
  if (m.kind === "bond_posted") {
    const bond = state.bonds.get(m.bondId);
    if (bond && bond.status !== "outstanding") {
      return { code: "bond_already_settled", bondId: m.bondId, status: bond.status };
    }
  }
  return checkFund(state, reversal(g, "").entries);
}

export type Op =
  | { op: "record"; id: string; movement: Movement; idempotencyKey?: string }
  | { op: "reverse"; id: string; groupId: string; idempotencyKey?: string };

export type Outcome =
  | { status: "applied"; group: Group }
  | { status: "duplicate"; groupId: string }
  | { status: "refused"; error: LedgerError };

/** What one operation does to the ledger; the state is not changed. */
export function decide(state: LedgerState, op: Op): Outcome {
  // A replay answers with the first result even if the ledger changed since.
  const seen = op.idempotencyKey === undefined ? undefined : state.keys.get(op.idempotencyKey);
  if (seen !== undefined) return { status: "duplicate", groupId: seen };
  if (state.groups.has(op.id)) {
    return { status: "refused", error: { code: "duplicate_group_id", groupId: op.id } };
  }
  const error =
    op.op === "record" ? checkMovement(state, op.movement) : checkReversal(state, op.groupId);
  if (error) return { status: "refused", error };
  const group =
    op.op === "record"
      ? movementGroup(op.id, op.movement, op.idempotencyKey)
      : reversal(state.groups.get(op.groupId)!, op.id, op.idempotencyKey);
  return { status: "applied", group };
}

/** Applies operations in order: refused ones change nothing, replays add nothing. */
export function applyAll(
  start: LedgerState,
  ops: readonly Op[],
): { state: LedgerState; groups: Group[]; outcomes: Outcome[] } {
  const state = copyState(start);
  const groups: Group[] = [];
  const outcomes = ops.map((op) => {
    const outcome = decide(state, op);
    if (outcome.status === "applied") {
      applyGroup(state, outcome.group);
      groups.push(outcome.group);
    }
    return outcome;
  });
  return { state, groups, outcomes };
}
