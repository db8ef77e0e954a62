import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunks } from "./chunks";

describe("chunks", () => {
  it("gives back the list in order, in slices of at most size, none empty", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (list, size) => {
        const slices = [...chunks(list, size)];
        expect(slices.flat()).toEqual(list);
        for (const slice of slices) {
          expect(slice.length).toBeGreaterThan(0);
          expect(slice.length).toBeLessThanOrEqual(size);
        }
        expect(slices.length).toBe(Math.ceil(list.length / size));
      }),
    );
  });

  it("fills every slice but the last", () => {
    expect([...chunks([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...chunks([], 3)]).toEqual([]);
  });
});
