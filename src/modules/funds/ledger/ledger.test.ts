import { describe, expect, it } from "vitest";
import {
  applyAll,
  balances,
  campaignTotals,
  checkMovement,
  checkReversal,
  emptyLedger,
  type Movement,
  movementEntries,
  movementGroup,
  reversal,
} from "./ledger";
import {
  disbursement,
  donation,
  forfeit,
  ledger,
  post,
  rec,
  refund,
  returned,
  rev,
} from "./ledger.fixtures";

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
