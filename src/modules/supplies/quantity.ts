// Quantities of goods as integer thousandths of a base unit ("milli"), so sums never drift
// the way floats do (0.1 + 0.2). Units that can't be split (a shirt, a pack of diapers)
// refuse fractions; units that can (kilograms, litres) take up to three decimals.
// Pure: no I/O.

/** Integer count of thousandths of a base unit. */
export type Milli = number & { readonly __brand: "Milli" };

export const BASE_UNITS = [
  "piece",
  "pair",
  "pack",
  "box",
  "bottle",
  "card",
  "kg",
  "lb",
  "l",
  "gal",
] as const;
export type BaseUnit = (typeof BASE_UNITS)[number];

/** Units measured by weight or volume can be split; things that are counted can't. */
const DIVISIBLE: ReadonlySet<BaseUnit> = new Set<BaseUnit>(["kg", "lb", "l", "gal"]);

export function isBaseUnit(value: string): value is BaseUnit {
  return (BASE_UNITS as readonly string[]).includes(value);
}

export function isDivisible(unit: BaseUnit): boolean {
  return DIVISIBLE.has(unit);
}

/** The largest quantity anyone may type for one need, pledge or movement. */
export const MAX_QUANTITY = 1_000_000;

export function milli(n: number): Milli {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not an integer number of thousandths: ${n}`);
  return (n === 0 ? 0 : n) as Milli;
}

export const ZERO = milli(0);

export function addMilli(a: Milli, b: Milli): Milli {
  return milli(a + b);
}

export function subMilli(a: Milli, b: Milli): Milli {
  return milli(a - b);
}

export function wholeUnits(n: number): Milli {
  return milli(n * 1000);
}

export type QuantityProblem =
  | "required"
  | "not_a_number"
  | "not_positive"
  | "fraction_not_allowed"
  | "too_precise"
  | "too_large";

export type QuantityResult = { ok: true; value: Milli } | { ok: false; problem: QuantityProblem };

/**
 * Reads what a person typed or an API client sent ("3", "1.5", "1,5", 2) as a positive
 * quantity of `unit`. Zero, negatives, fractions of a counted unit and more than three
 * decimals are refused with a reason the caller turns into a message.
 */
export function parseQuantity(input: unknown, unit: BaseUnit): QuantityResult {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, problem: "not_a_number" };
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim().replace(",", ".");
    if (text === "") return { ok: false, problem: "required" };
  } else if (input === null || input === undefined) {
    return { ok: false, problem: "required" };
  } else {
    return { ok: false, problem: "not_a_number" };
  }
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) {
    // Exponent forms such as 1e-7 from a JSON number: tell fractions from garbage.
    const n = Number(text);
    if (!Number.isFinite(n)) return { ok: false, problem: "not_a_number" };
    if (n <= 0) return { ok: false, problem: "not_positive" };
    if (!Number.isInteger(n))
      return { ok: false, problem: isDivisible(unit) ? "too_precise" : "fraction_not_allowed" };
    return { ok: false, problem: "too_large" };
  }
  const [, sign, whole = "", fraction = ""] = match;
  const digits = fraction.replace(/0+$/, "");
  const isZero = /^0*$/.test(whole) && digits === "";
  if (sign === "-" || isZero) return { ok: false, problem: "not_positive" };
  if (digits !== "" && !isDivisible(unit)) return { ok: false, problem: "fraction_not_allowed" };
  if (digits.length > 3) return { ok: false, problem: "too_precise" };
  if (whole.replace(/^0+/, "").length > 7 || Number(whole) > MAX_QUANTITY) {
    return { ok: false, problem: "too_large" };
  }
  const value = Number(whole) * 1000 + Number(digits.padEnd(3, "0"));
  if (value > MAX_QUANTITY * 1000) return { ok: false, problem: "too_large" };
  return { ok: true, value: milli(value) };
}

/** A quantity as a plain number of base units (2500 -> 2.5), for JSON and CSV. */
export function toUnits(q: Milli): number {
  return q / 1000;
}

/** "2.5" / "2,5" for people: no trailing zeros, the language's decimal mark. */
export function formatQuantity(q: Milli, lang: "es" | "en"): string {
  const sign = q < 0 ? "-" : "";
  const abs = Math.abs(q);
  const whole = Math.floor(abs / 1000);
  const fraction = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  const grouped = whole.toLocaleString(lang === "es" ? "es-MX" : "en-US");
  return fraction === ""
    ? `${sign}${grouped}`
    : `${sign}${grouped}${lang === "es" ? "," : "."}${fraction}`;
}
