import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suggestPairs } from "./pairing";
import { turnoutByHour } from "./turnout";

describe("suggestPairs", () => {
  it("spreads newcomers evenly over organizers, in order", () => {
    expect(suggestPairs(["ana", "beto"], ["caro", "dani", "eva"])).toEqual([
      { organizerPersonId: "ana", newcomerPersonId: "caro" },
      { organizerPersonId: "beto", newcomerPersonId: "dani" },
      { organizerPersonId: "ana", newcomerPersonId: "eva" },
    ]);
  });

  it("keeps existing pairs and fills the lightest organizer first", () => {
    const existing = [
      { organizerPersonId: "ana", newcomerPersonId: "caro" },
      { organizerPersonId: "ana", newcomerPersonId: "dani" },
    ];
    expect(suggestPairs(["ana", "beto"], ["caro", "dani", "eva", "fer"], existing)).toEqual([
      { organizerPersonId: "beto", newcomerPersonId: "eva" },
      { organizerPersonId: "beto", newcomerPersonId: "fer" },
    ]);
  });

  it("pairs nobody without organizers, and never an organizer with themself", () => {
    expect(suggestPairs([], ["caro"])).toEqual([]);
    expect(suggestPairs(["ana"], ["ana", "caro"])).toEqual([
      { organizerPersonId: "ana", newcomerPersonId: "caro" },
    ]);
  });

  it("pairs each unpaired newcomer exactly once, loads differ by at most one", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 4 }).map((s) => `o${s}`),
          { minLength: 1, maxLength: 8 },
        ),
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 4 }).map((s) => `n${s}`),
          { maxLength: 60 },
        ),
        (organizers, newcomers) => {
          const pairs = suggestPairs(organizers, newcomers);
          expect(pairs.map((p) => p.newcomerPersonId).sort()).toEqual([...newcomers].sort());
          const load = organizers.map((o) => pairs.filter((p) => p.organizerPersonId === o).length);
          expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("with existing pairs, never re-pairs a paired newcomer", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom("o1", "o2", "o3"), { minLength: 1 }),
        fc.uniqueArray(fc.constantFrom("n1", "n2", "n3", "n4", "n5")),
        fc.array(
          fc.record({
            organizerPersonId: fc.constantFrom("o1", "o2"),
            newcomerPersonId: fc.constantFrom("n1", "n2"),
          }),
        ),
        (organizers, newcomers, existing) => {
          const paired = new Set<string>(existing.map((p) => p.newcomerPersonId));
          const pairs = suggestPairs(organizers, newcomers, existing);
          for (const p of pairs) expect(paired.has(p.newcomerPersonId)).toBe(false);
          expect(pairs.length).toBe(newcomers.filter((n) => !paired.has(n)).length);
        },
      ),
    );
  });
});

describe("turnoutByHour", () => {
  const hourKey = (d: Date) => d.toISOString().slice(0, 13);
  it("counts check-ins per hour with a running total", () => {
    const at = (iso: string) => new Date(iso);
    expect(
      turnoutByHour(
        [at("2026-12-05T18:10:00Z"), at("2026-12-05T17:59:00Z"), at("2026-12-05T18:45:00Z")],
        hourKey,
      ),
    ).toEqual([
      { hour: "2026-12-05T17", count: 1, cumulative: 1 },
      { hour: "2026-12-05T18", count: 2, cumulative: 3 },
    ]);
  });

  it("the running total ends at the number of check-ins", () => {
    fc.assert(
      fc.property(
        fc.array(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })),
        (dates) => {
          const hours = turnoutByHour(dates, hourKey);
          expect(hours.reduce((s, h) => s + h.count, 0)).toBe(dates.length);
          expect(hours.at(-1)?.cumulative ?? 0).toBe(dates.length);
        },
      ),
    );
  });
});
