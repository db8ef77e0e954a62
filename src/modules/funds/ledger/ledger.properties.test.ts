import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNTS,
  applyAll,
  balances,
  campaignTotals,
  checkMovement,
  emptyLedger,
  ledgerState,
  type Op,
} from "./ledger";
import {
  disbursement,
  donation,
  forfeit,
  post,
  rec,
  refund,
  returned,
  rev,
} from "./ledger.fixtures";

// ---- properties over random histories ----

const amount = (max: number) =>
  fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 1, max }) }, fc.integer({ min: -3, max: 0 }));
const bond = fc.integer({ min: 0, max: 3 });
const index = fc.nat();
const off = fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true));
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const keyed = fc.boolean();
const step = fc.oneof(
  w(6, fc.record({ t: fc.constant("donation"), amount: amount(50_000), keyed })),
  w(3, fc.record({ t: fc.constantFrom("refund", "disbursement"), amount: amount(20_000), keyed })),
  w(3, fc.record({ t: fc.constant("post"), bond, amount: amount(30_000), keyed })),
  w(
    2,
    fc.record({ t: fc.constant("return"), bond, interest: fc.integer({ min: -1, max: 900 }), off }),
  ),
  w(1, fc.record({ t: fc.constant("forfeit"), bond })),
  w(2, fc.record({ t: fc.constant("reverse"), target: index })),
  w(2, fc.record({ t: fc.constant("replay"), target: index })),
  w(1, fc.record({ t: fc.constant("foreign"), amount: amount(100) })),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Turns generated steps into ops; a bond's principal is guessed from its last posting. */
function toOps(steps: Step[]): Op[] {
  const ops: Op[] = [];
  const principal = new Map<number, number>();
  steps.forEach((s, i) => {
    const id = `g${i}`;
    const key = "keyed" in s && !s.keyed ? undefined : `k${i}`;
    const prev = ops.length > 0 ? ops[("target" in s ? s.target : 0) % ops.length] : undefined;
    if (s.t === "donation") ops.push(rec(id, donation(s.amount), key));
    else if (s.t === "refund") ops.push(rec(id, refund(s.amount), key));
    else if (s.t === "disbursement") ops.push(rec(id, disbursement(s.amount), key));
    else if (s.t === "post") {
      principal.set(s.bond, s.amount);
      ops.push(rec(id, post(`b${s.bond}`, s.amount), key));
    } else if (s.t === "return") {
      const p = (principal.get(s.bond) ?? 100) + (s.off ? 1 : 0);
      ops.push(rec(id, returned(`b${s.bond}`, p, s.interest), key));
    } else if (s.t === "forfeit")
      ops.push(rec(id, forfeit(`b${s.bond}`, principal.get(s.bond) ?? 100)));
    else if (s.t === "foreign") ops.push(rec(id, { ...donation(s.amount), currency: "EUR" }));
    else if (s.t === "reverse" && prev)
      ops.push({ op: "reverse", id, groupId: prev.id, idempotencyKey: key });
    else if (s.t === "replay" && prev) ops.push({ ...prev, id }); // same key, new request id
  });
  return ops;
}

const histories = fc.array(step, { maxLength: 80, size: "max" }).map(toOps);

describe("ledger properties", () => {
  it("keeps every invariant over any history of operations", () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const { state, groups, outcomes } = applyAll(emptyLedger("USD"), ops);

        // Groups balance; refused ops and replays leave no trace.
        for (const g of groups) expect(g.entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
        expect(groups).toEqual(outcomes.flatMap((o) => (o.status === "applied" ? [o.group] : [])));

        // Balances are the sums of the entries, and never negative at any point in time.
        const running = { fund: 0, bonds_receivable: 0, outside: 0 };
        for (const g of groups) {
          for (const e of g.entries) running[e.account] += e.amount;
          expect(running.fund).toBeGreaterThanOrEqual(0);
          expect(running.bonds_receivable).toBeGreaterThanOrEqual(0);
        }
        expect(state.balances).toEqual(running);
        expect(balances(groups)).toEqual(running);
        expect(running.outside + running.fund + running.bonds_receivable).toBe(0);

        // A key is applied at most once; later uses of it answer with that group.
        const byKey = new Map<string, string>();
        ops.forEach((op, i) => {
          const o = outcomes[i]!;
          const first = op.idempotencyKey === undefined ? undefined : byKey.get(op.idempotencyKey);
          if (first !== undefined) expect(o).toEqual({ status: "duplicate", groupId: first });
          else expect(o.status).not.toBe("duplicate");
          if (o.status === "applied" && op.idempotencyKey !== undefined)
            byKey.set(op.idempotencyKey, o.group.id);
        });

        // Replaying every request that was recorded under a key adds nothing.
        // (A refused request did not use up its key, so it may be retried.)
        const replays = ops
          .filter((op) => op.idempotencyKey !== undefined && byKey.has(op.idempotencyKey))
          .map((op, i) => ({ ...op, id: `replay${i}` }));
        const again = applyAll(state, replays);
        expect(again.groups).toEqual([]);
        expect(again.outcomes.every((o) => o.status === "duplicate")).toBe(true);
        expect(again.state.balances).toEqual(state.balances);

        // Rebuilding from the stored groups gives the same state.
        const rebuilt = ledgerState("USD", groups);
        expect(rebuilt.balances).toEqual(state.balances);
        expect([...rebuilt.bonds]).toEqual([...state.bonds]);
        expect([...rebuilt.reversedBy]).toEqual([...state.reversedBy]);

        // Totals agree with balances and with each other.
        const t = campaignTotals(groups);
        expect(t.availableCents).toBe(state.balances.fund);
        expect(t.onBondCents).toBe(state.balances.bonds_receivable);
        expect(
          t.availableCents + t.onBondCents + t.spentCents + t.forfeitedCents + t.refundedCents,
        ).toBe(t.donatedCents + t.interestCents);
        expect(t.raisedCents).toBe(t.donatedCents - t.refundedCents);
        const outstanding = [...state.bonds.values()].filter((b) => b.status === "outstanding");
        expect(t.onBondCents).toBe(outstanding.reduce((s, b) => s + b.principal, 0));
        const donations = groups.filter((g) => g.movement.kind === "donation");
        expect(t.gifts).toBe(
          donations.filter((g) => !g.reverses && !state.reversedBy.has(g.id)).length,
        );
        const { donatedCents, refundedCents, interestCents, spentCents, forfeitedCents } = t;
        const flows = [donatedCents, refundedCents, interestCents, spentCents, forfeitedCents];
        expect(Math.min(...flows, t.gifts)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("allows spending exactly what is available and refuses one cent more", () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const { state } = applyAll(emptyLedger("USD"), ops);
        const available = state.balances.fund;
        expect(checkMovement(state, disbursement(available + 1))).toMatchObject({
          code: "insufficient_funds",
        });
        expect(checkMovement(state, refund(available + 1))).toMatchObject({
          code: "insufficient_funds",
        });
        if (available > 0) expect(checkMovement(state, disbursement(available))).toBeNull();
      }),
    );
  });

  it("never lets an account other than outside go negative, whatever is reversed", () => {
    fc.assert(
      fc.property(histories, fc.array(index, { maxLength: 20 }), (ops, picks) => {
        const { state, groups } = applyAll(emptyLedger("USD"), ops);
        if (groups.length === 0) return;
        const reversals = picks.map((p, i): Op => rev(`x${i}`, groups[p % groups.length]!.id));
        const after = applyAll(state, reversals).state;
        for (const account of ACCOUNTS.filter((a) => a !== "outside")) {
          expect(after.balances[account]).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
