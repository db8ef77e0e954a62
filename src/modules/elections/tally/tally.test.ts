import { describe, expect, it } from "vitest";
import { STV_SCALE } from "./stv";
import { tally } from "./tally";
import type { Method } from "./types";

const many = (n: number, ballot: string[]) => Array.from({ length: n }, () => ballot);
const contest = (method: Method, seats: number, candidates: string[], ballots: string[][]) =>
  tally({ method, seats, candidates, ballots, seed: "test-seed" });

// Wikipedia, "Instant-runoff voting", example "Tennessee capital election" (voters in
// percent: Memphis 42, Nashville 26, Chattanooga 15, Knoxville 17, with the preferences
// below). Plurality elects Memphis; instant-runoff excludes Chattanooga, then Nashville,
// and elects Knoxville 58 to 42.
const tennessee = [
  ...many(42, ["memphis", "nashville", "chattanooga", "knoxville"]),
  ...many(26, ["nashville", "chattanooga", "knoxville", "memphis"]),
  ...many(15, ["chattanooga", "knoxville", "nashville", "memphis"]),
  ...many(17, ["knoxville", "chattanooga", "nashville", "memphis"]),
];
const cities = ["memphis", "nashville", "chattanooga", "knoxville"];

describe("plurality", () => {
  it("elects the most first choices (Wikipedia's Tennessee example: Memphis, 42)", () => {
    const r = contest(
      "plurality",
      1,
      cities,
      tennessee.map((b) => b.slice(0, 1)),
    );
    expect(r.winners).toEqual(["memphis"]);
    expect(r.rounds[0]!.totals).toEqual({
      memphis: 42,
      nashville: 26,
      chattanooga: 15,
      knoxville: 17,
    });
  });

  it("counts a blank ballot in the ballots but for nobody, and never elects a candidate with no vote", () => {
    const r = contest("plurality", 2, ["a", "b", "c"], [["a"], [], ["a"]]);
    expect(r.winners).toEqual(["a"]);
    expect(r.blank).toBe(1);
    expect(r.ballots).toBe(3);
  });

  it("breaks a tie for the last seat by a seeded draw that it records", () => {
    const r = contest("plurality", 1, ["a", "b"], [["a"], ["b"]]);
    expect(r.ties).toHaveLength(1);
    expect(r.ties[0]).toMatchObject({ by: "lot", among: ["a", "b"], purpose: "elect" });
    expect(r.winners).toEqual([r.ties[0]!.chosen]);
    // Same seed, same draw.
    expect(contest("plurality", 1, ["a", "b"], [["b"], ["a"]]).winners).toEqual(r.winners);
  });
});

describe("approval", () => {
  // Constructed example, checked by hand: 5 voters, 2 seats.
  // ana: 1+1+1 = 3 (ballots 1, 2, 3); beto: 1+1 = 2 (1, 4); caro: 1+1+1+1 = 4 (2, 3, 4, 5);
  // dani: 0. Winners caro (4) and ana (3).
  it("elects the candidates with the most approvals", () => {
    const r = contest(
      "approval",
      2,
      ["ana", "beto", "caro", "dani"],
      [["ana", "beto"], ["ana", "caro"], ["caro", "ana"], ["beto", "caro"], ["caro"]],
    );
    expect(r.rounds[0]!.totals).toEqual({ ana: 3, beto: 2, caro: 4, dani: 0 });
    expect(r.winners).toEqual(["caro", "ana"]);
  });
});

describe("instant-runoff", () => {
  it("reproduces Wikipedia's Tennessee example round by round", () => {
    const r = contest("irv", 1, cities, tennessee);
    expect(r.rounds.map((x) => x.totals)).toEqual([
      { memphis: 42, nashville: 26, chattanooga: 15, knoxville: 17 },
      { memphis: 42, nashville: 26, chattanooga: 0, knoxville: 32 },
      { memphis: 42, nashville: 0, chattanooga: 0, knoxville: 58 },
    ]);
    expect(r.rounds.map((x) => x.excluded)).toEqual([[], ["chattanooga"], ["nashville"]]);
    expect(r.winners).toEqual(["knoxville"]);
    expect(r.quota).toBe(51);
  });

  it("needs a majority of the ballots still in the count, not of all ballots", () => {
    // Round 1: a 3, b 2, c 1 (of 6). c's only ballot has no further choice: round 2 has
    // 5 live ballots, a 3 > 5/2, so a wins.
    const r = contest("irv", 1, ["a", "b", "c"], [...many(3, ["a"]), ...many(2, ["b"]), ["c"]]);
    expect(r.rounds[1]!.exhausted).toBe(1);
    expect(r.winners).toEqual(["a"]);
  });

  it("breaks an exclusion tie at the earliest round where the candidates differ", () => {
    // Round 1: a 5, b 4, c 3, d 1 -> d excluded, its ballot goes to c.
    // Round 2: a 5, b 4, c 4: b and c tie; in round 1 c had fewer (3 < 4), so c goes.
    const ballots = [...many(5, ["a"]), ...many(4, ["b", "a"]), ...many(3, ["c", "b"]), ["d", "c"]];
    const r = contest("irv", 1, ["a", "b", "c", "d"], ballots);
    expect(r.ties).toEqual([
      { round: 2, purpose: "exclude", among: ["b", "c"], chosen: "c", by: "earlier-round" },
    ]);
    expect(r.rounds[2]!.excluded).toEqual(["c"]);
    // Round 3: a 5, b 8 (4 + c's 4 moving to b), of 13 -> b.
    expect(r.winners).toEqual(["b"]);
  });

  it("elects nobody when no ballot marks a candidate", () => {
    expect(contest("irv", 1, ["a", "b"], [[], []]).winners).toEqual([]);
  });
});

describe("single transferable vote (Scottish rules)", () => {
  const v = (votes: number) => Math.round(votes * STV_SCALE);

  // Adapted from Wikipedia, "Single transferable vote", the example of choosing food for a
  // party (20 voters, 3 seats). Checked by hand:
  // quota = floor(20 / 4) + 1 = 6.
  // Stage 1: orange 4, pear 2, chocolate 12, strawberry 1, hamburger 1 -> chocolate elected.
  // Stage 2: chocolate's surplus 6 over 12 papers: each moves at 6/12 = 0.5:
  //          strawberry 1 + 8 x 0.5 = 5, hamburger 1 + 4 x 0.5 = 3; chocolate keeps 6.
  // Stage 3: no surplus left; pear (2) excluded -> orange 4 + 2 = 6 -> elected.
  // Stage 4: hamburger (3) excluded: its papers have no further choice -> 3 non-transferable.
  // Stage 5: one continuing candidate for one seat: strawberry elected.
  it("reproduces the party-food example stage by stage", () => {
    const r = contest(
      "stv",
      3,
      ["orange", "pear", "chocolate", "strawberry", "hamburger"],
      [
        ...many(4, ["orange"]),
        ...many(2, ["pear", "orange"]),
        ...many(8, ["chocolate", "strawberry"]),
        ...many(4, ["chocolate", "hamburger"]),
        ["strawberry"],
        ["hamburger"],
      ],
    );
    expect(r.quota).toBe(v(6));
    const t = r.rounds.map((x) => x.totals);
    expect(t[0]).toEqual({
      orange: v(4),
      pear: v(2),
      chocolate: v(12),
      strawberry: v(1),
      hamburger: v(1),
    });
    expect(t[1]).toEqual({
      orange: v(4),
      pear: v(2),
      chocolate: v(6),
      strawberry: v(5),
      hamburger: v(3),
    });
    expect(t[2]).toEqual({
      orange: v(6),
      pear: 0,
      chocolate: v(6),
      strawberry: v(5),
      hamburger: v(3),
    });
    expect(t[3]).toEqual({
      orange: v(6),
      pear: 0,
      chocolate: v(6),
      strawberry: v(5),
      hamburger: 0,
    });
    expect(r.rounds[3]!.exhausted).toBe(v(3));
    expect(r.rounds.map((x) => x.action.kind)).toEqual([
      "count",
      "surplus",
      "exclude",
      "exclude",
      "elect-remaining",
    ]);
    expect(r.winners).toEqual(["chocolate", "orange", "strawberry"]);
  });

  // Constructed to show rule 48's truncation, checked by hand. 12 ballots, 2 seats:
  // quota = floor(12 / 3) + 1 = 5. Stage 1: a 7, b 2, c 3 -> a elected, surplus 2.
  // Stage 2: transfer value 2 / 7 = 0.285714... -> 0.28571 (remainder ignored);
  //          b gets 7 x 0.28571 = 1.99997 -> 3.99997; 0.00003 is lost to rounding.
  // Stage 3: c (3) excluded, no further choice -> 3 non-transferable.
  // Stage 4: b is the only continuing candidate for the last seat.
  it("truncates transfer values to five decimals and records what is lost", () => {
    const r = contest(
      "stv",
      2,
      ["a", "b", "c"],
      [...many(7, ["a", "b"]), ...many(2, ["b"]), ...many(3, ["c"])],
    );
    expect(r.rounds[1]!.action).toEqual({ kind: "surplus", candidate: "a", surplus: v(2) });
    expect(r.rounds[1]!.totals).toEqual({ a: v(5), b: 399_997, c: v(3) });
    expect(r.rounds[1]!.lostToRounding).toBe(3);
    expect(r.rounds[2]!.exhausted).toBe(v(3));
    expect(r.winners).toEqual(["a", "b"]);
  });

  it("transfers the larger of two surpluses first", () => {
    // quota = floor(13 / 3) + 1 = 5; a 7 and b 6 both elected at stage 1; a's surplus (2)
    // goes first. Two seats filled at once: the count stops.
    const r = contest("stv", 2, ["a", "b", "c"], [...many(7, ["a", "c"]), ...many(6, ["b", "c"])]);
    expect(r.rounds[0]!.elected).toEqual(["a", "b"]);
    expect(r.winners).toEqual(["a", "b"]);
  });

  it("ignores blank ballots in the quota but reports them", () => {
    const r = contest("stv", 1, ["a", "b"], [["a"], ["a"], ["b"], [], []]);
    expect(r.blank).toBe(2);
    expect(r.quota).toBe(v(2));
    expect(r.winners).toEqual(["a"]);
  });

  it("elects nobody when every ballot is blank", () => {
    const r = contest("stv", 2, ["a", "b", "c"], [[], []]);
    expect(r.winners).toEqual([]);
    expect(r.quota).toBeNull();
  });
});
