import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ballotOrder, checkBallot, type OfficeRules } from "./ballot";

const offices: OfficeRules[] = [
  { id: "coord", method: "irv", seats: 1, candidates: ["ana", "beto", "caro"] },
  { id: "committee", method: "plurality", seats: 2, candidates: ["dani", "eva", "fer"] },
  { id: "treasurer", method: "approval", seats: 1, candidates: ["gus", "hilda"] },
];

describe("checkBallot", () => {
  it("accepts a full ballot and fills offices left out as blank votes", () => {
    expect(checkBallot(offices, { coord: ["beto", "ana"] })).toEqual({
      ok: true,
      ballot: { coord: ["beto", "ana"], committee: [], treasurer: [] },
    });
    expect(checkBallot(offices, {})).toMatchObject({ ok: true });
  });

  it("refuses a candidate of another office, a ranking twice, too many marks, an unknown office", () => {
    expect(checkBallot(offices, { coord: ["dani"] })).toEqual({
      ok: false,
      problem: "unknown_candidate",
      office: "coord",
    });
    expect(checkBallot(offices, { coord: ["ana", "ana"] })).toMatchObject({
      problem: "duplicate_candidate",
    });
    expect(checkBallot(offices, { committee: ["dani", "eva", "fer"] })).toMatchObject({
      problem: "too_many_marks",
    });
    expect(checkBallot(offices, { treasurer: ["gus", "hilda", "gus"] })).toMatchObject({
      ok: false,
    });
    expect(checkBallot(offices, { elsewhere: [] })).toMatchObject({ problem: "unknown_office" });
  });
});

describe("ballotOrder", () => {
  const people = ["a", "b", "c", "d", "e"].map((id) => ({ id }));
  it("is a permutation, stable for one voter", () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        const order = ballotOrder(people, key);
        expect([...order].map((p) => p.id).sort()).toEqual(["a", "b", "c", "d", "e"]);
        expect(ballotOrder(people, key)).toEqual(order);
      }),
    );
  });

  it("differs between voters: every candidate is shown first to someone", () => {
    const firsts = new Set(
      Array.from({ length: 200 }, (_, i) => ballotOrder(people, `voter-${i}`)[0]!.id),
    );
    expect(firsts.size).toBe(5);
  });
});
