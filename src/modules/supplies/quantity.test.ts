import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_UNITS, formatQuantity, isDivisible, milli, parseQuantity, toUnits } from "./quantity";

describe("parseQuantity", () => {
  it("reads whole numbers of a counted unit", () => {
    expect(parseQuantity("3", "piece")).toEqual({ ok: true, value: 3000 });
    expect(parseQuantity(12, "pack")).toEqual({ ok: true, value: 12000 });
    expect(parseQuantity(" 007 ", "pair")).toEqual({ ok: true, value: 7000 });
  });

  it("refuses zero, negatives and empty input", () => {
    expect(parseQuantity("0", "piece")).toEqual({ ok: false, problem: "not_positive" });
    expect(parseQuantity(-2, "kg")).toEqual({ ok: false, problem: "not_positive" });
    expect(parseQuantity("0.000", "kg")).toEqual({ ok: false, problem: "not_positive" });
    expect(parseQuantity("  ", "piece")).toEqual({ ok: false, problem: "required" });
    expect(parseQuantity(undefined, "piece")).toEqual({ ok: false, problem: "required" });
  });

  it("refuses fractions of a unit that can't be split, and accepts them where it can", () => {
    expect(parseQuantity("1.5", "piece")).toEqual({ ok: false, problem: "fraction_not_allowed" });
    expect(parseQuantity(2.5, "box")).toEqual({ ok: false, problem: "fraction_not_allowed" });
    expect(parseQuantity("1,5", "kg")).toEqual({ ok: true, value: 1500 });
    expect(parseQuantity(0.25, "l")).toEqual({ ok: true, value: 250 });
    expect(parseQuantity("2.0", "piece")).toEqual({ ok: true, value: 2000 });
  });

  it("refuses garbage, too many decimals and absurd amounts", () => {
    expect(parseQuantity("tres", "piece")).toEqual({ ok: false, problem: "not_a_number" });
    expect(parseQuantity("1e3", "piece")).toEqual({ ok: false, problem: "too_large" });
    expect(parseQuantity(Number.NaN, "kg")).toEqual({ ok: false, problem: "not_a_number" });
    expect(parseQuantity(true, "kg")).toEqual({ ok: false, problem: "not_a_number" });
    expect(parseQuantity("1.2345", "kg")).toEqual({ ok: false, problem: "too_precise" });
    expect(parseQuantity(1e-7, "kg")).toEqual({ ok: false, problem: "too_precise" });
    expect(parseQuantity(1e-7, "piece")).toEqual({ ok: false, problem: "fraction_not_allowed" });
    expect(parseQuantity("1000001", "piece")).toEqual({ ok: false, problem: "too_large" });
    expect(parseQuantity("9".repeat(10_000), "piece")).toEqual({ ok: false, problem: "too_large" });
  });

  it("round-trips every accepted quantity through toUnits", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASE_UNITS),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (unit, m) => {
          const q = isDivisible(unit) ? m : Math.max(1, Math.round(m / 1000)) * 1000;
          const back = parseQuantity(toUnits(milli(q)), unit);
          expect(back).toEqual({ ok: true, value: q });
        },
      ),
    );
  });
});

describe("formatQuantity", () => {
  it("writes the language's decimal mark and no trailing zeros", () => {
    expect(formatQuantity(milli(2500), "es")).toBe("2,5");
    expect(formatQuantity(milli(2500), "en")).toBe("2.5");
    expect(formatQuantity(milli(12_000_000), "en")).toBe("12,000");
    expect(formatQuantity(milli(3000), "es")).toBe("3");
  });
});
