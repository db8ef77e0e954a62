import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CURRENCIES,
  CURRENCY_DECIMALS,
  type Currency,
  cents,
  formatMoney,
  InvalidCentsError,
  type Lang,
  maxCents,
  type ParseFailure,
  parseAmount,
  sumCents,
} from "./money";

// ICU separates "MXN" from the digits with a no-break space; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("cents", () => {
  it("accepts safe integers and keeps their value", () => {
    expect(cents(0)).toBe(0);
    expect(cents(-250)).toBe(-250);
    expect(cents(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("turns -0 into 0", () => {
    expect(Object.is(cents(-0), 0)).toBe(true);
  });

  it.each([0.5, 1.005, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53)])(
    "refuses %s with a typed error",
    (n) => {
      expect(() => cents(n)).toThrow(InvalidCentsError);
      try {
        cents(n);
      } catch (error) {
        expect((error as InvalidCentsError).code).toBe("invalid_cents");
      }
    },
  );

  it("refuses a float that slipped in through arithmetic", () => {
    expect(() => cents(0.1 + 0.2)).toThrow(InvalidCentsError);
  });

  it("sums without losing the brand", () => {
    expect(sumCents([cents(1), cents(2), cents(-3)])).toBe(0);
    expect(sumCents([])).toBe(0);
  });
});

// Mostly strings that look like amounts, so the property reaches the interesting branches.
const amountLike = fc.oneof(fc.string(), fc.stringMatching(/^[-+$€¥ ,.0-9eE]{0,16}$/));

describe("parseAmount", () => {
  const fails: [string, ParseFailure][] = [
    ["", "empty"],
    ["  ", "empty"],
    ["\t\n", "empty"],
    ["abc", "not_a_number"],
    ["-5", "not_positive"],
    ["-$5", "not_positive"],
    ["$-5", "not_positive"],
    ["0", "not_positive"],
    ["0.00", "not_positive"],
    ["-0", "not_positive"],
    ["0.001", "fractional_cent"],
    ["1.005", "fractional_cent"],
    ["1.234", "fractional_cent"],
    // Spain-style "1.500" (= 1500) is refused, not guessed.
    ["1.500", "fractional_cent"],
    ["1e5", "not_a_number"],
    ["100000000.01", "too_large"],
    ["100,000,000.01", "too_large"],
    ["99999999999999999999999999", "too_large"],
    ["NaN", "not_a_number"],
    ["Infinity", "not_a_number"],
    ["-Infinity", "not_a_number"],
    ["0x10", "not_a_number"],
    ["1_000", "not_a_number"],
    ["1,5", "not_a_number"],
    ["12,34.50", "not_a_number"],
    ["1,2345", "not_a_number"],
    [",123", "not_a_number"],
    ["1.2.3", "not_a_number"],
    [".", "not_a_number"],
    ["$", "not_a_number"],
    ["--5", "not_a_number"],
    ["-$-5", "not_a_number"],
    ["5-", "not_a_number"],
    ["€20", "not_a_number"],
    ["$20$", "not_a_number"],
    ["1 234", "not_a_number"],
    ["１２", "not_a_number"],
    ["١٢", "not_a_number"],
  ];

  it.each(fails)("refuses %j as %s (USD)", (text, reason) => {
    expect(parseAmount(text, "USD")).toEqual({ ok: false, reason });
  });

  const reads: [string, number][] = [
    ["20", 2000],
    ["$20", 2000],
    ["1234.5", 123450],
    ["1,234.50", 123450],
    ["12,345.67", 1234567],
    ["  12,345.67  ", 1234567],
    ["US$ 20", 2000],
    ["20 USD", 2000],
    ["usd 20", 2000],
    ["+5", 500],
    [".5", 50],
    ["5.", 500],
    ["007", 700],
    ["0.01", 1],
    ["100000000", 10_000_000_000],
    ["100,000,000.00", 10_000_000_000],
  ];

  it.each(reads)("reads %j as %i cents (USD)", (text, expected) => {
    expect(parseAmount(text, "USD")).toEqual({ ok: true, cents: expected });
  });

  it("accepts zero only when asked", () => {
    expect(parseAmount("0", "USD", { allowZero: true })).toEqual({ ok: true, cents: 0 });
    expect(parseAmount("$0.00", "USD", { allowZero: true })).toEqual({ ok: true, cents: 0 });
    expect(parseAmount("-1", "USD", { allowZero: true })).toEqual({
      ok: false,
      reason: "not_positive",
    });
  });

  it("uses each currency's symbols and decimal places", () => {
    expect(parseAmount("€20,50", "EUR")).toEqual({ ok: false, reason: "not_a_number" });
    expect(parseAmount("€20.50", "EUR")).toEqual({ ok: true, cents: 2050 });
    expect(parseAmount("MX$1,000", "MXN")).toEqual({ ok: true, cents: 100000 });
    expect(parseAmount("$1,000", "MXN")).toEqual({ ok: true, cents: 100000 });
    expect(parseAmount("US$1,000", "MXN")).toEqual({ ok: false, reason: "not_a_number" });
    expect(parseAmount("¥1,000", "JPY")).toEqual({ ok: true, cents: 1000 });
    expect(parseAmount("1000円", "JPY")).toEqual({ ok: true, cents: 1000 });
    expect(parseAmount("1.5", "JPY")).toEqual({ ok: false, reason: "fractional_cent" });
    expect(parseAmount("100000000", "JPY")).toEqual({ ok: true, cents: 100_000_000 });
    expect(parseAmount("100000001", "JPY")).toEqual({ ok: false, reason: "too_large" });
  });

  it("never throws, and anything it accepts is a positive integer within the limit", () => {
    fc.assert(
      fc.property(amountLike, fc.constantFrom(...CURRENCIES), (text, currency) => {
        const result = parseAmount(text, currency);
        if (result.ok) {
          expect(Number.isSafeInteger(result.cents)).toBe(true);
          expect(result.cents).toBeGreaterThan(0);
          expect(result.cents).toBeLessThanOrEqual(maxCents(currency));
        }
      }),
    );
  });

  it("reads back any plain decimal written with the currency's places", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.nat(), (currency, seed) => {
        const n = 1 + (seed % maxCents(currency));
        const d = CURRENCY_DECIMALS[currency];
        const s = String(n).padStart(d + 1, "0");
        const text = d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`;
        expect(parseAmount(text, currency)).toEqual({ ok: true, cents: n });
      }),
    );
  });
});

describe("formatMoney", () => {
  it.each([
    [123450, "USD", "en", "$1,234.50"],
    [123450, "USD", "es", "$1,234.50"],
    [5, "USD", "en", "$0.05"],
    [0, "USD", "es", "$0.00"],
    [-2000, "USD", "en", "-$20.00"],
    [123450, "MXN", "en", "MX$1,234.50"],
    [123450, "MXN", "es", "MXN 1,234.50"],
    [123450, "EUR", "en", "€1,234.50"],
    [123450, "EUR", "es", "EUR 1,234.50"],
    [1234, "JPY", "en", "¥1,234"],
    [1234, "JPY", "es", "¥1,234"],
    [10_000_000_000, "USD", "en", "$100,000,000.00"],
  ] as [number, Currency, Lang, string][])(
    "formats %i %s in %s as %s",
    (n, currency, lang, text) => {
      expect(plain(formatMoney(cents(n), currency, lang))).toBe(text);
    },
  );

  it("round-trips through parseAmount in both languages", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom<Lang>("es", "en"),
        fc.nat(),
        (currency, lang, seed) => {
          const n = cents(1 + (seed % maxCents(currency)));
          expect(parseAmount(formatMoney(n, currency, lang), currency)).toEqual({
            ok: true,
            cents: n,
          });
        },
      ),
    );
  });
});
