// Test builders shared by the ledger example and property tests (not a test file).
import { expect } from "vitest";
import { cents } from "../../../platform/money";
import { applyAll, emptyLedger, type Movement, type Op } from "./ledger";

// Builders for USD movements in whole cents, to keep the examples short.
export const c = cents;
export const usd = "USD" as const;
export const donation = (n: number): Movement => ({
  kind: "donation",
  currency: usd,
  amount: c(n),
});
export const refund = (n: number): Movement => ({ kind: "refund", currency: usd, amount: c(n) });
export const disbursement = (n: number): Movement => ({
  kind: "disbursement",
  currency: usd,
  amount: c(n),
});
export const post = (bondId: string, n: number): Movement => ({
  kind: "bond_posted",
  currency: usd,
  bondId,
  amount: c(n),
});
export const returned = (bondId: string, p: number, i = 0): Movement => ({
  kind: "bond_returned",
  currency: usd,
  bondId,
  principal: c(p),
  interest: c(i),
});
export const forfeit = (bondId: string, p: number): Movement => ({
  kind: "bond_forfeited",
  currency: usd,
  bondId,
  principal: c(p),
});
export const rec = (id: string, movement: Movement, idempotencyKey?: string): Op => ({
  op: "record",
  id,
  movement,
  idempotencyKey,
});
export const rev = (id: string, groupId: string): Op => ({ op: "reverse", id, groupId });

/** Applies ops that must all succeed; returns the resulting state and groups. */
export function ledger(...ops: Op[]) {
  const result = applyAll(emptyLedger("USD"), ops);
  expect(result.outcomes.filter((o) => o.status !== "applied")).toEqual([]);
  return result;
}
