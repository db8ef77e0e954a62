import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNTS,
  applyAll,
  balances,
  campaignTotals,
  checkMovement,
  checkReversal,
  emptyLedger,
  ledgerState,
  type Movement,
  movementEntries,
  movementGroup,
  type Op,
  reversal,
} from "./ledger";
import { cents } from "./money";

// Builders for USD movements in whole cents, to keep the examples short.
const c = cents;
const usd = "USD" as const;
const donation = (n: number): Movement => ({ kind: "donation", currency: usd, amount: c(n) });
const refund = (n: number): Movement => ({ kind: "refund", currency: usd, amount: c(n) });
const disbursement = (n: number): Movement => ({
  kind: "disbursement",
  currency: usd,
  amount: c(n),
});
const post = (bondId: string, n: number): Movement => ({
  kind: "bond_posted",
  currency: usd,
  bondId,
  amount: c(n),
});
const returned = (bondId: string, p: number, i = 0): Movement => ({
  kind: "bond_returned",
  currency: usd,
  bondId,
  principal: c(p),
  interest: c(i),
});
const forfeit = (bondId: string, p: number): Movement => ({
  kind: "bond_forfeited",
  currency: usd,
  bondId,
  principal: c(p),
});
const rec = (id: string, movement: Movement, idempotencyKey?: string): Op => ({
  op: "record",
  id,
  movement,
  idempotencyKey,
});
const rev = (id: string, groupId: string): Op => ({ op: "reverse", id, groupId });

/** Applies ops that must all succeed; returns the resulting state and groups. */
function ledger(...ops: Op[]) {
  const result = applyAll(emptyLedger("USD"), ops);
  expect(result.outcomes.filter((o) => o.status !== "applied")).toEqual([]);
  return result;
}

describe("movementEntries", () => {
  it.each([
    [donation(500), "outside -500, fund 500"],
    [refund(200), "fund -200, outside 200"],
    [disbursement(300), "fund -300, outside 300"],
    [post("b", 400), "fund -400, bonds_receivable 400"],
    [returned("b", 400, 7), "bonds_receivable -400, outside -7, fund 407"],
    [returned("b", 400), "bonds_receivable -400, fund 400"],
    [forfeit("b", 400), "bonds_receivable -400, outside 400"],
  ] as [Movement, string][])("%o -> %s", (movement, expected) => {
    const entries = movementEntries(movement);
    expect(entries.map((e) => `${e.account} ${e.amount}`).join(", ")).toBe(expected);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);
  });
});

describe("reversal", () => {
  it("negates every entry and links the original", () => {
    const g = movementGroup("g1", returned("b", 400, 7));
    const r = reversal(g, "g2");
    expect(r.reverses).toBe("g1");
    expect(r.movement).toBe(g.movement);
    expect(r.entries.map((e) => e.amount)).toEqual([400, 7, -407]);
    expect(balances([g, r])).toEqual({ fund: 0, bonds_receivable: 0, outside: 0 });
  });
});

describe("campaignTotals", () => {
  it("adds up a campaign with gifts, a correction, fees and two bonds", () => {
    const { groups } = ledger(
      rec("d1", donation(100_000)),
      rec("d2", donation(50_000)),
      rec("d3", donation(25_000)),
      rev("d3-rev", "d3"), // entered twice by mistake
      rec("r1", refund(10_000)),
      rec("fee", disbursement(30_000)),
      rec("p1", post("b1", 80_000)),
      rec("ret1", returned("b1", 80_000, 1_200)),
      rec("p2", post("b2", 100_000)),
      rec("lost", forfeit("b2", 100_000)),
      rec("p3", post("b3", 5_000)),
    );
    expect(campaignTotals(groups)).toEqual({
      raisedCents: 140_000,
      donatedCents: 150_000,
      refundedCents: 10_000,
      interestCents: 1_200,
      availableCents: 6_200,
      onBondCents: 5_000,
      spentCents: 30_000,
      forfeitedCents: 100_000,
      gifts: 2,
    });
  });

  it("is all zeros for an empty ledger", () => {
    const t = campaignTotals([]);
    expect(Object.values(t).every((v) => v === 0)).toBe(true);
  });
});

describe("checkMovement", () => {
  const { state } = ledger(
    rec("d", donation(1_000)),
    rec("p", post("b1", 400)),
    rec("p2", post("b2", 100)),
  );
  const settled = ledger(
    rec("d", donation(1_000)),
    rec("p", post("b1", 400)),
    rec("x", forfeit("b1", 400)),
  ).state;

  it.each([
    [donation(0), { code: "amount_not_positive", field: "amount" }],
    [disbursement(-5), { code: "amount_not_positive", field: "amount" }],
    [returned("b1", 400, -1), { code: "amount_not_positive", field: "interest" }],
    [forfeit("b1", 0), { code: "amount_not_positive", field: "principal" }],
    [
      { ...donation(5), currency: "MXN" },
      { code: "currency_mismatch", expected: "USD", got: "MXN" },
    ],
    [disbursement(501), { code: "insufficient_funds", availableCents: 500, neededCents: 501 }],
    [refund(501), { code: "insufficient_funds", availableCents: 500, neededCents: 501 }],
    [post("b3", 501), { code: "insufficient_funds", availableCents: 500, neededCents: 501 }],
    [post("b1", 5), { code: "bond_id_in_use", bondId: "b1" }],
    [returned("nope", 400), { code: "bond_not_outstanding", bondId: "nope" }],
    [forfeit("nope", 400), { code: "bond_not_outstanding", bondId: "nope" }],
    [
      returned("b1", 399),
      { code: "bond_amount_mismatch", bondId: "b1", expectedCents: 400, gotCents: 399 },
    ],
  ] as [Movement, object][])("refuses %o", (movement, error) => {
    expect(checkMovement(state, movement)).toEqual(error);
  });

  it.each([
    donation(1),
    disbursement(500),
    refund(500),
    post("b3", 500),
    returned("b1", 400, 9),
    forfeit("b2", 100),
  ])("allows %o", (movement) => {
    expect(checkMovement(state, movement)).toBeNull();
  });

  it("refuses to settle a bond twice", () => {
    expect(checkMovement(settled, returned("b1", 400))).toEqual({
      code: "bond_already_settled",
      bondId: "b1",
      status: "forfeited",
    });
    expect(checkMovement(settled, forfeit("b1", 400))).toMatchObject({
      code: "bond_already_settled",
    });
  });
});

describe("checkReversal and reversals", () => {
  it("refuses unknown groups, reversals of reversals and double reversals", () => {
    const { state } = ledger(rec("d", donation(100)), rev("d-rev", "d"));
    expect(checkReversal(state, "zzz")).toEqual({ code: "group_not_found", groupId: "zzz" });
    expect(checkReversal(state, "d-rev")).toEqual({
      code: "reversal_not_reversible",
      groupId: "d-rev",
    });
    expect(checkReversal(state, "d")).toEqual({
      code: "group_already_reversed",
      groupId: "d",
      reversalId: "d-rev",
    });
  });

  it("refuses to reverse a donation that was already spent", () => {
    const { state } = ledger(rec("d", donation(100)), rec("s", disbursement(60)));
    expect(checkReversal(state, "d")).toEqual({
      code: "insufficient_funds",
      availableCents: 40,
      neededCents: 100,
    });
    expect(checkReversal(state, "s")).toBeNull();
  });

  it("refuses to void a bond posting once the bond settled; voiding the return reopens it", () => {
    const { state } = ledger(
      rec("d", donation(500)),
      rec("p", post("b", 500)),
      rec("r", returned("b", 500, 3)),
    );
    expect(checkReversal(state, "p")).toEqual({
      code: "bond_already_settled",
      bondId: "b",
      status: "returned",
    });
    const after = applyAll(state, [rev("r-rev", "r"), rev("p-rev", "p")]);
    expect(after.outcomes.map((o) => o.status)).toEqual(["applied", "applied"]);
    expect(after.state.bonds.has("b")).toBe(false);
    // The bond id is free again for a corrected posting.
    expect(checkMovement(after.state, post("b", 450))).toBeNull();
  });

  it("refuses to void a bond return when the money is gone", () => {
    const { state } = ledger(
      rec("d", donation(500)),
      rec("p", post("b", 500)),
      rec("r", returned("b", 500, 3)),
      rec("s", disbursement(10)),
    );
    expect(checkReversal(state, "r")).toEqual({
      code: "insufficient_funds",
      availableCents: 493,
      neededCents: 503,
    });
  });
});

describe("applyAll", () => {
  it("answers a replay with the first group, even after the ledger changed", () => {
    const { outcomes, groups } = applyAll(emptyLedger("USD"), [
      rec("g1", donation(100), "stripe:ch_1"),
      rec("g2", disbursement(100)),
      rec("g3", donation(100), "stripe:ch_1"),
    ]);
    expect(outcomes[2]).toEqual({ status: "duplicate", groupId: "g1" });
    expect(groups.map((g) => g.id)).toEqual(["g1", "g2"]);
  });

  it("lets a refused request be retried with the same key", () => {
    const { outcomes } = applyAll(emptyLedger("USD"), [
      rec("g1", disbursement(100), "k"),
      rec("g2", donation(100)),
      rec("g3", disbursement(100), "k"),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["refused", "applied", "applied"]);
  });

  it("refuses a group id that is already taken", () => {
    const { outcomes } = applyAll(emptyLedger("USD"), [
      rec("g", donation(1)),
      rec("g", donation(2)),
    ]);
    expect(outcomes[1]).toEqual({
      status: "refused",
      error: { code: "duplicate_group_id", groupId: "g" },
    });
  });
});

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
