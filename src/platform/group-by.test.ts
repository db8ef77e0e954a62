import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("puts every item in its key's group, keeping the items' order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.integer({ min: 0, max: 4 }), v: fc.string() })),
        (items) => {
          const groups = groupBy(items, (item) => item.k);
          expect([...groups.values()].flat().length).toBe(items.length);
          for (const [key, group] of groups) {
            expect(group).toEqual(items.filter((item) => item.k === key));
          }
          expect([...groups.keys()]).toEqual([...new Set(items.map((item) => item.k))]);
        },
      ),
    );
  });

  it("keeps what pick takes of each item", () => {
    const rows = [
      { caseId: "a", name: "Hearing" },
      { caseId: "b", name: "Transfer" },
      { caseId: "a", name: "Bond" },
    ];
    const byCase = groupBy(
      rows,
      (row) => row.caseId,
      (row) => row.name,
    );
    expect(byCase).toEqual(
      new Map([
        ["a", ["Hearing", "Bond"]],
        ["b", ["Transfer"]],
      ]),
    );
  });
});
