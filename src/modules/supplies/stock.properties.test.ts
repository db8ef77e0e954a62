import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { movementKind } from "../../../test/support/supplies";
import { milli } from "./quantity";
import {
  applyMovement,
  decideMovement,
  emptyStock,
  type Movement,
  onHandOf,
  type Proposal,
  recount,
  type StockState,
  stockFromSums,
  stockState,
  totalsAt,
  totalsFor,
} from "./stock";
import { pledge } from "./stock.fixtures";

// Random histories of receipts, deliveries, discards and reversals across two needs and
// three drop-off points (and "no point"), some of them refused.
const NEEDS = ["n1", "n2"];
const POINTS = ["p1", "p2", "p3", null];
const step = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant("record" as const),
      kind: movementKind,
      need: fc.constantFrom(...NEEDS),
      point: fc.constantFrom(...POINTS),
      quantity: fc.integer({ min: 1, max: 40_000 }),
      pledge: fc.option(fc.constantFrom("x", "y", "z"), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("reverse" as const), target: fc.nat() }) },
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function toProposals(steps: readonly Step[]): Proposal[] {
  const out: Proposal[] = [];
  steps.forEach((s, i) => {
    const id = `m${i}`;
    if (s.t === "record") {
      out.push({
        op: "record",
        movement: {
          id,
          needId: s.need,
          pointId: s.point,
          kind: s.kind,
          quantity: milli(s.quantity),
          pledgeId: s.pledge,
        },
      });
    } else {
      out.push({ op: "reverse", id, target: `m${i === 0 ? 0 : s.target % i}` });
    }
  });
  return out;
}

function replay(proposals: Proposal[]): {
  state: StockState;
  accepted: Movement[];
  refused: number;
} {
  let state = emptyStock();
  const accepted: Movement[] = [];
  let refused = 0;
  for (const p of proposals) {
    const d = decideMovement(state, p);
    if (!d.ok) {
      refused++;
      continue;
    }
    state = applyMovement(state, d.movement);
    accepted.push(d.movement);
  }
  return { state, accepted, refused };
}

const history = fc.array(step, { maxLength: 80 }).map((s) => toProposals(s));

describe("supplies ledger properties", () => {
  it("the running state equals a full recount of the accepted movements", () => {
    fc.assert(
      fc.property(history, (proposals) => {
        const { state, accepted } = replay(proposals);
        const fresh = stockState(accepted);
        const needs = NEEDS.map((id) => ({ id, quantity: milli(100_000) }));
        const figures = recount(needs, accepted, [], 0);
        for (const n of NEEDS) {
          expect(totalsFor(state, n)).toEqual(totalsFor(fresh, n));
          const f = figures.get(n);
          expect(f?.received).toBe(totalsFor(state, n).received);
          expect(f?.delivered).toBe(totalsFor(state, n).delivered);
          expect(f?.discarded).toBe(totalsFor(state, n).discarded);
          for (const p of POINTS)
            if (p) expect(totalsAt(state, n, p)).toEqual(totalsAt(fresh, n, p));
        }
        expect(state.receivedForPledge).toEqual(fresh.receivedForPledge);
      }),
    );
  });

  it("deciding from a need's sums per point decides as the whole ledger does", () => {
    fc.assert(
      fc.property(history, history, (past, next) => {
        const { state, accepted } = replay(past);
        for (const [i, p] of next.entries()) {
          const proposal: Proposal =
            p.op === "record"
              ? { ...p, movement: { ...p.movement, id: `new${i}` } }
              : {
                  op: "reverse",
                  id: `new${i}`,
                  target: accepted[i % Math.max(1, accepted.length)]?.id ?? "none",
                };
          const needId =
            proposal.op === "record"
              ? proposal.movement.needId
              : (state.movements.get(proposal.target)?.needId ?? "n1");
          const mine = accepted.filter((m) => m.needId === needId);
          const sums = POINTS.map((pointId) => {
            const at = mine.filter((m) => m.pointId === pointId);
            return { pointId, ...totalsFor(stockState(at), needId) };
          });
          const target = proposal.op === "reverse" ? proposal.target : null;
          const known = mine.filter(
            (m) => m.id === target || (target !== null && m.reverses === target),
          );
          expect(decideMovement(stockFromSums(needId, sums, known), proposal)).toEqual(
            decideMovement(state, proposal),
          );
        }
      }),
    );
  });

  it("stock never goes below zero, for a need or at a drop-off point", () => {
    fc.assert(
      fc.property(history, (proposals) => {
        const { state } = replay(proposals);
        for (const n of NEEDS) {
          expect(onHandOf(totalsFor(state, n))).toBeGreaterThanOrEqual(0);
          for (const p of POINTS)
            if (p) expect(onHandOf(totalsAt(state, n, p))).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("a reversal brings every figure back to what it was without the original", () => {
    fc.assert(
      fc.property(history, fc.nat(), (proposals, pick) => {
        const { state, accepted } = replay(proposals);
        const originals = accepted.filter((m) => !m.reverses && !state.reversedBy.has(m.id));
        if (originals.length === 0) return;
        const target = originals[pick % originals.length];
        if (!target) return;
        const d = decideMovement(state, { op: "reverse", id: "undo", target: target.id });
        if (!d.ok) {
          expect(d.error.code).toBe("not_enough_stock");
          return;
        }
        const after = applyMovement(state, d.movement);
        const without = stockState([...accepted.filter((m) => m.id !== target.id)]);
        for (const n of NEEDS) expect(totalsFor(after, n)).toEqual(totalsFor(without, n));
      }),
    );
  });

  it("still needed is never negative and never more than needed", () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 1000, max: 200_000 }),
        fc.array(
          fc.record({ q: fc.integer({ min: 1, max: 20 }), ttl: fc.integer({ min: -5, max: 5 }) }),
          { maxLength: 5 },
        ),
        (proposals, needed, ps) => {
          const { accepted } = replay(proposals);
          const pledges = ps.map((p, i) =>
            pledge(["x", "y", "z"][i % 3] ?? "x", p.q, p.ttl, { need: "n1" }),
          );
          const f = recount([{ id: "n1", quantity: milli(needed) }], accepted, pledges, 0).get(
            "n1",
          );
          if (!f) throw new Error("missing need");
          expect(f.stillNeeded).toBeGreaterThanOrEqual(0);
          expect(f.stillNeeded).toBeLessThanOrEqual(needed);
          expect(f.stillNeeded).toBe(Math.max(0, needed - f.received - f.pledged));
          expect(f.onHand).toBe(f.received - f.delivered - f.discarded);
        },
      ),
    );
  });
});
