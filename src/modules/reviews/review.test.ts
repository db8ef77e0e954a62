import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanItems,
  diffChanges,
  FollowUpFieldsSchema,
  followUpsInOrder,
  isCalendarDay,
  linesToItems,
  ReviewFieldsSchema,
} from "./review";

describe("review input", () => {
  it("cleans items: trims, drops empties, keeps each once", () => {
    expect(
      cleanItems(["  Traer  los dos megáfonos ", "", "traer los dos megáfonos", "Llegar antes"]),
    ).toEqual(["Traer los dos megáfonos", "Llegar antes"]);
    expect(linesToItems("uno\r\n\r\ndos\n  \n")).toEqual(["uno", "dos"]);
  });

  it("accepts a review with only change items", () => {
    const r = ReviewFieldsSchema.parse({ change: ["Bring both megaphones"] });
    expect(r.change).toEqual(["Bring both megaphones"]);
    expect(r.wentWell).toEqual([]);
    expect(r.planned).toBeNull();
  });

  it("refuses an empty review, wrong types, too many or too long items", () => {
    expect(ReviewFieldsSchema.safeParse({}).success).toBe(false);
    expect(ReviewFieldsSchema.safeParse({ change: ["   "] }).success).toBe(false);
    expect(ReviewFieldsSchema.safeParse({ change: "megáfonos" }).success).toBe(false);
    expect(ReviewFieldsSchema.safeParse({ change: [42] }).success).toBe(false);
    expect(ReviewFieldsSchema.safeParse({ keep: ["x".repeat(10_000)] }).success).toBe(false);
    expect(
      ReviewFieldsSchema.safeParse({ keep: Array.from({ length: 31 }, (_, i) => `k${i}`) }).success,
    ).toBe(false);
  });

  it("knows which change items are new and which were dropped", () => {
    expect(diffChanges(["A", "b"], ["B", "c"])).toEqual({ added: ["c"], removed: ["A"] });
  });

  it("property: cleaning is idempotent and never grows the list", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 20 }), (items) => {
        const once = cleanItems(items);
        expect(cleanItems(once)).toEqual(once);
        expect(once.length).toBeLessThanOrEqual(items.length);
        for (const i of once) expect(i).toBe(i.trim());
      }),
    );
  });
});

describe("follow-ups", () => {
  it("checks calendar days", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2026-04-31")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(
      FollowUpFieldsSchema.safeParse({
        text: "Llamar al abogado",
        ownerUserId: "x",
        dueOn: "2026-12-01",
      }).success,
    ).toBe(false);
  });

  it("orders open items by due day and marks the overdue ones", () => {
    const items = [
      { id: 1, dueOn: "2026-12-05", done: false },
      { id: 2, dueOn: "2026-11-20", done: false },
      { id: 3, dueOn: "2026-11-01", done: true },
      { id: 4, dueOn: "2026-11-29", done: false },
    ];
    expect(followUpsInOrder(items, "2026-11-29").map((i) => [i.id, i.overdue])).toEqual([
      [2, true],
      [4, false],
      [1, false],
    ]);
  });
});
