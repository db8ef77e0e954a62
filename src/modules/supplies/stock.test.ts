import { describe, expect, it } from "vitest";
import {
  applyMovement,
  decideMovement,
  emptyStock,
  isLowStock,
  type Movement,
  openPledgeQuantity,
  type Proposal,
  recount,
  type StockState,
  totalsAt,
  totalsFor,
} from "./stock";
import { move, pledge, undo, units } from "./stock.fixtures";

/** Applies proposals in order; throws on the first refusal so a test shows what it expected. */
function run(...proposals: Proposal[]): { state: StockState; accepted: Movement[] } {
  let state = emptyStock();
  const accepted: Movement[] = [];
  for (const p of proposals) {
    const d = decideMovement(state, p);
    if (!d.ok) throw new Error(`refused: ${JSON.stringify(d.error)}`);
    state = applyMovement(state, d.movement);
    accepted.push(d.movement);
  }
  return { state, accepted };
}

describe("the supplies ledger", () => {
  it("counts what came in and went out, per need and per drop-off point", () => {
    const { state } = run(
      move("a", "received", 10),
      move("b", "received", 4, { point: "p2" }),
      move("c", "delivered", 6),
      move("d", "discarded", 1, { point: "p2" }),
    );
    expect(totalsFor(state, "n1")).toEqual({
      received: units(14),
      delivered: units(6),
      discarded: units(1),
    });
    expect(totalsAt(state, "n1", "p1")).toEqual({
      received: units(10),
      delivered: units(6),
      discarded: 0,
    });
    expect(totalsAt(state, "n1", "p2")).toEqual({
      received: units(4),
      delivered: 0,
      discarded: units(1),
    });
  });

  it("refuses to deliver more than was received", () => {
    const { state } = run(move("a", "received", 3));
    expect(decideMovement(state, move("b", "delivered", 4))).toEqual({
      ok: false,
      error: { code: "not_enough_stock", available: units(3) },
    });
    expect(decideMovement(emptyStock(), move("b", "discarded", 1)).ok).toBe(false);
  });

  it("refuses to deliver from a drop-off point what only another point holds", () => {
    const { state } = run(move("a", "received", 5, { point: "p2" }));
    const d = decideMovement(state, move("b", "delivered", 1, { point: "p1" }));
    expect(d).toEqual({ ok: false, error: { code: "not_enough_stock", available: 0 } });
    // Without a point, the drive's total stock is what counts.
    expect(decideMovement(state, move("c", "delivered", 5, { point: null })).ok).toBe(true);
  });

  it("corrects by reversal, once, and never reverses a reversal", () => {
    const { state } = run(move("a", "received", 5), move("b", "delivered", 2), undo("c", "b"));
    expect(totalsFor(state, "n1")).toEqual({ received: units(5), delivered: 0, discarded: 0 });
    expect(decideMovement(state, undo("d", "b"))).toEqual({
      ok: false,
      error: { code: "already_reversed", movementId: "b" },
    });
    expect(decideMovement(state, undo("d", "c"))).toEqual({
      ok: false,
      error: { code: "reversal_not_reversible", movementId: "c" },
    });
    expect(decideMovement(state, undo("d", "zz"))).toEqual({
      ok: false,
      error: { code: "movement_not_found", movementId: "zz" },
    });
  });

  it("refuses to reverse a receipt whose goods already left", () => {
    const { state } = run(move("a", "received", 5), move("b", "delivered", 4));
    expect(decideMovement(state, undo("c", "a"))).toEqual({
      ok: false,
      error: { code: "not_enough_stock", available: units(1) },
    });
  });

  it("refuses zero quantities and reused ids", () => {
    expect(decideMovement(emptyStock(), move("a", "received", 0))).toEqual({
      ok: false,
      error: { code: "quantity_not_positive" },
    });
    const { state } = run(move("a", "received", 1));
    expect(decideMovement(state, move("a", "received", 1))).toEqual({
      ok: false,
      error: { code: "duplicate_id", movementId: "a" },
    });
  });

  it("leaves the state it was given untouched", () => {
    const { state } = run(move("a", "received", 1));
    const d = decideMovement(state, move("b", "received", 1));
    if (!d.ok) throw new Error("refused");
    applyMovement(state, d.movement);
    expect(totalsFor(state, "n1").received).toBe(units(1));
  });
});

describe("pledges and still needed", () => {
  const now = Date.UTC(2026, 10, 29, 12);
  it("counts an open pledge until it expires, is cancelled or is brought", () => {
    expect(openPledgeQuantity(pledge("x", 5, now + 1), units(0), now)).toBe(units(5));
    expect(openPledgeQuantity(pledge("x", 5, now), units(0), now)).toBe(0);
    expect(openPledgeQuantity(pledge("x", 5, now + 1, { cancelled: true }), units(0), now)).toBe(0);
    expect(openPledgeQuantity(pledge("x", 5, now + 1), units(2), now)).toBe(units(3));
    expect(openPledgeQuantity(pledge("x", 5, now + 1), units(9), now)).toBe(0);
  });

  it("still needed = needed − received − open pledges, never below zero", () => {
    const { accepted } = run(
      move("a", "received", 3),
      move("b", "received", 2, { pledge: "x" }),
      move("c", "delivered", 4),
      move("d", "received", 50, { need: "n2" }),
    );
    const figures = recount(
      [
        { id: "n1", quantity: units(20) },
        { id: "n2", quantity: units(10) },
      ],
      accepted,
      [
        pledge("x", 6, now + 1000),
        pledge("y", 4, now - 1),
        pledge("z", 1, now + 1000, { need: "n2" }),
      ],
      now,
    );
    expect(figures.get("n1")).toEqual({
      needed: units(20),
      received: units(5),
      delivered: units(4),
      discarded: 0,
      pledged: units(4),
      onHand: units(1),
      stillNeeded: units(11),
    });
    expect(figures.get("n2")?.stillNeeded).toBe(0);
  });

  it("warns of low stock only at points that stocked the item", () => {
    expect(
      isLowStock(units(100), { received: units(20), delivered: units(11), discarded: units(0) }),
    ).toBe(true);
    expect(
      isLowStock(units(100), { received: units(20), delivered: units(10), discarded: units(0) }),
    ).toBe(false);
    expect(
      isLowStock(units(3), { received: units(2), delivered: units(2), discarded: units(0) }),
    ).toBe(true);
    expect(
      isLowStock(units(100), {
        received: units(0),
        delivered: units(0),
        discarded: units(0),
      }),
    ).toBe(false);
  });
});
