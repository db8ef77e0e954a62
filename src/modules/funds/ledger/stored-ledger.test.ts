import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cents } from "../../../platform/money";
import { type Movement, movementGroup, reversal } from "./ledger";
import { groupsFromRows, movementOf } from "./stored-ledger";

const positive = fc.integer({ min: 1, max: 10_000_000 }).map(cents);
const movement: fc.Arbitrary<Movement> = fc.oneof(
  positive.map((amount) => ({ kind: "donation" as const, currency: "USD" as const, amount })),
  positive.map((amount) => ({ kind: "refund" as const, currency: "USD" as const, amount })),
  positive.map((amount) => ({ kind: "disbursement" as const, currency: "USD" as const, amount })),
  positive.map((amount) => ({
    kind: "bond_posted" as const,
    currency: "USD" as const,
    bondId: "b",
    amount,
  })),
  fc
    .tuple(positive, fc.integer({ min: 0, max: 50_000 }).map(cents))
    .map(([principal, interest]) => ({
      kind: "bond_returned" as const,
      currency: "USD" as const,
      bondId: "b",
      principal,
      interest,
    })),
  positive.map((principal) => ({
    kind: "bond_forfeited" as const,
    currency: "USD" as const,
    bondId: "b",
    principal,
  })),
);

const bondIdOf = (m: Movement) => ("bondId" in m ? m.bondId : null);

describe("stored groups", () => {
  it("reads every movement back from its entries, and a reversal as the movement it cancels", () => {
    fc.assert(
      fc.property(movement, (m) => {
        const g = movementGroup("g1", m);
        const row = {
          id: "g1",
          kind: m.kind,
          reversesGroupId: null,
          bondId: bondIdOf(m),
          idempotencyKey: null,
        };
        expect(movementOf(row, g.entries, "USD")).toEqual(m);
        const r = reversal(g, "g2");
        expect(movementOf({ ...row, id: "g2", reversesGroupId: "g1" }, r.entries, "USD")).toEqual(
          m,
        );
      }),
    );
  });

  it("rebuilds groups with their entries, reversal link and key", () => {
    const m: Movement = { kind: "donation", currency: "MXN", amount: cents(500) };
    const [g, r] = groupsFromRows(
      [
        { id: "a", kind: "donation", reversesGroupId: null, bondId: null, idempotencyKey: "k" },
        { id: "b", kind: "donation", reversesGroupId: "a", bondId: null, idempotencyKey: null },
      ],
      [
        { groupId: "a", account: "outside", amountCents: -500 },
        { groupId: "a", account: "fund", amountCents: 500 },
        { groupId: "b", account: "outside", amountCents: 500 },
        { groupId: "b", account: "fund", amountCents: -500 },
      ],
      "MXN",
    );
    expect(g).toEqual({ ...movementGroup("a", m), idempotencyKey: "k" });
    expect(r).toEqual(reversal(movementGroup("a", m), "b"));
  });
});
