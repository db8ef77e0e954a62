import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STV_SCALE } from "./stv";
import { tally } from "./tally";
import type { ContestInput, Method } from "./types";

const CANDIDATES = ["a", "b", "c", "d", "e", "f"];

/** A field of 2-6 candidates and up to 60 ranked ballots (some blank, some short). */
const field = fc.integer({ min: 2, max: 6 }).chain((n) => {
  const candidates = CANDIDATES.slice(0, n);
  const ballot = fc
    .shuffledSubarray(candidates, { minLength: 0, maxLength: n })
    .map((b) => b as string[]);
  return fc.record({
    candidates: fc.constant(candidates),
    ballots: fc.array(ballot, { maxLength: 60 }),
    seats: fc.integer({ min: 1, max: n }),
    seed: fc.string({ maxLength: 8 }),
  });
});

const run = (method: Method, f: Omit<ContestInput, "method">) => tally({ ...f, method });

describe("tally properties", () => {
  it("a candidate ranked first on more than half of the ballots wins instant-runoff", () => {
    fc.assert(
      fc.property(field, fc.nat(), (f, pick) => {
        const favourite = f.candidates[pick % f.candidates.length]!;
        const others = f.ballots.length + 1;
        const ballots = [
          ...f.ballots,
          ...Array.from({ length: others }, (_, i) => [
            favourite,
            ...(f.ballots[i % Math.max(1, f.ballots.length)] ?? []).filter((c) => c !== favourite),
          ]),
        ];
        expect(run("irv", { ...f, seats: 1, ballots }).winners).toEqual([favourite]);
      }),
    );
  });

  it("taking a losing candidate off every plurality ballot doesn't change the winners", () => {
    fc.assert(
      fc.property(field, fc.nat(), (f, pick) => {
        const ballots = f.ballots.map((b) => b.slice(0, 1));
        const before = run("plurality", { ...f, ballots });
        const losers = f.candidates.filter((c) => !before.winners.includes(c));
        fc.pre(losers.length > 0);
        const loser = losers[pick % losers.length]!;
        const after = run("plurality", {
          ...f,
          ballots: ballots.map((b) => b.filter((c) => c !== loser)),
        });
        expect([...after.winners].sort()).toEqual([...before.winners].sort());
      }),
    );
  });

  it("STV conserves the votes in every round: candidates + non-transferable + rounding", () => {
    fc.assert(
      fc.property(field, (f) => {
        const r = run("stv", f);
        const valid = (f.ballots.length - r.blank) * STV_SCALE;
        for (const round of r.rounds) {
          const held = Object.values(round.totals).reduce((s, x) => s + x, 0);
          expect(held + round.exhausted + round.lostToRounding).toBe(valid);
        }
      }),
    );
  });

  it("STV fills every seat when anyone voted, and never elects a candidate twice", () => {
    fc.assert(
      fc.property(field, (f) => {
        const r = run("stv", f);
        const anyVote = f.ballots.some((b) => b.length > 0);
        expect(r.winners.length).toBe(anyVote ? Math.min(f.seats, f.candidates.length) : 0);
        expect(new Set(r.winners).size).toBe(r.winners.length);
      }),
    );
  });

  it("for one seat, STV and instant-runoff elect the same candidate when no lot is drawn", () => {
    fc.assert(
      fc.property(field, (f) => {
        const irv = run("irv", { ...f, seats: 1 });
        const stv = run("stv", { ...f, seats: 1 });
        fc.pre(irv.ties.every((t) => t.by !== "lot") && stv.ties.every((t) => t.by !== "lot"));
        expect(stv.winners).toEqual(irv.winners);
      }),
    );
  });

  it("the order the ballots are stored in never changes any result", () => {
    fc.assert(
      fc.property(
        field,
        fc.constantFrom<Method>("plurality", "approval", "irv", "stv"),
        fc.infiniteStream(fc.nat()),
        (f, method, noise) => {
          const seats = method === "irv" ? 1 : f.seats;
          const shuffled = f.ballots
            .map((b) => ({ b, k: noise.next().value }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.b);
          expect(run(method, { ...f, seats, ballots: shuffled })).toEqual(
            run(method, { ...f, seats, ballots: f.ballots }),
          );
        },
      ),
    );
  });

  it("approval winners have at least as many approvals as every loser", () => {
    fc.assert(
      fc.property(field, (f) => {
        const r = run("approval", f);
        const t = r.rounds[0]!.totals;
        const losers = f.candidates.filter((c) => !r.winners.includes(c));
        for (const w of r.winners)
          for (const l of losers) expect(t[w]!).toBeGreaterThanOrEqual(t[l]!);
      }),
    );
  });
});
