// Money as integer minor units ("cents"), converted to and from text only at the edges.
// Pure: no I/O. See STYLE.md ("Money is integer cents").

/** Integer count of a currency's minor units (cents for USD, yen for JPY). */
export type Cents = number & { readonly __brand: "Cents" };

export const CURRENCIES = ["USD", "MXN", "EUR", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];
export type Lang = "es" | "en";

/** Decimal places of each currency (ISO 4217 minor unit). */
export const CURRENCY_DECIMALS: Readonly<Record<Currency, number>> = {
  USD: 2,
  MXN: 2,
  EUR: 2,
  JPY: 0,
};

/** Largest amount a person may type, in major units, for any currency. */
export const MAX_MAJOR_UNITS = 100_000_000;

export class InvalidCentsError extends Error {
  readonly code = "invalid_cents" as const;
  constructor(readonly value: number) {
    super(`Not a safe integer number of cents: ${String(value)}`);
    this.name = "InvalidCentsError";
  }
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

/** The only way to make a Cents: refuses floats, NaN, Infinity and unsafe integers. */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new InvalidCentsError(n);
  // Normalise -0 so it never shows up as "-$0.00".
  return (n === 0 ? 0 : n) as Cents;
}

export function negateCents(a: Cents): Cents {
  return cents(-a);
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

/** Largest accepted amount in minor units for a currency (100,000,000.00 major units). */
export function maxCents(currency: Currency): Cents {
  return cents(MAX_MAJOR_UNITS * 10 ** CURRENCY_DECIMALS[currency]);
}

export type ParseFailure =
  | "empty"
  | "not_a_number"
  | "fractional_cent"
  | "not_positive"
  | "too_large";
export type ParseResult = { ok: true; cents: Cents } | { ok: false; reason: ParseFailure };

export interface ParseOptions {
  /** Accept "0" (e.g. a bond returned with no interest). Default: zero is refused. */
  allowZero?: boolean;
}

// Symbols a person might type for each currency, longest first so "US$" wins over "$".
const SYMBOLS: Readonly<Record<Currency, readonly string[]>> = {
  USD: ["US$", "USD", "$"],
  MXN: ["MX$", "MXN", "$"],
  EUR: ["EUR", "€"],
  JPY: ["JPY", "¥", "￥", "円"],
};

// "." is always the decimal mark and "," only groups thousands in threes, as people write
// amounts in the US and Mexico. "1,5" is refused rather than read as 15 or as 1.50, and
// "1.500" is refused rather than guessed to mean 1500 (the Spain-style grouping).
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

function stripSymbol(text: string, currency: Currency): string {
  const upper = text.toUpperCase();
  for (const symbol of SYMBOLS[currency]) {
    if (upper.startsWith(symbol)) return text.slice(symbol.length).trim();
    if (upper.endsWith(symbol)) return text.slice(0, -symbol.length).trim();
  }
  return text;
}

function stripSign(text: string): { signed: boolean; negative: boolean; rest: string } {
  if (text.startsWith("-") || text.startsWith("+")) {
    return { signed: true, negative: text.startsWith("-"), rest: text.slice(1).trim() };
  }
  return { signed: false, negative: false, rest: text };
}

/**
 * Reads an amount typed by a person ("1,234.50", "$20", "20 MXN") into minor units.
 * Only ASCII digits count, so "1e5", "NaN" and "Infinity" are not numbers here.
 */
export function parseAmount(
  text: string,
  currency: Currency,
  options: ParseOptions = {},
): ParseResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };

  // One sign, before or after the symbol: "-$5" and "$-5" (but "--5" is not a number).
  const outer = stripSign(trimmed);
  const inner = stripSign(stripSymbol(outer.rest, currency));
  const negative = outer.negative || inner.negative;
  if (outer.signed && inner.signed) return { ok: false, reason: "not_a_number" };
  const match = NUMBER.exec(inner.rest);
  const whole = match?.[1];
  const fraction = match?.[2];
  if (!match || (whole === undefined && !fraction)) return { ok: false, reason: "not_a_number" };

  const decimals = CURRENCY_DECIMALS[currency];
  const digits = fraction ?? "";
  if (digits.length > decimals) return { ok: false, reason: "fractional_cent" };

  // BigInt keeps exactness until we know the value fits.
  const minor = BigInt((whole ?? "0").replaceAll(",", "") + digits.padEnd(decimals, "0"));
  if (negative && minor !== 0n) return { ok: false, reason: "not_positive" };
  if (minor === 0n && !options.allowZero) return { ok: false, reason: "not_positive" };
  if (minor > BigInt(maxCents(currency))) return { ok: false, reason: "too_large" };
  return { ok: true, cents: cents(Number(minor)) };
}

// es-US / en-US so the separators shown are the ones parseAmount accepts back
// ("1,234.50", not Spain's "1.234,50"), whatever the currency.
const LOCALES: Readonly<Record<Lang, string>> = { es: "es-US", en: "en-US" };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: Currency, lang: Lang): Intl.NumberFormat {
  const key = `${lang}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const decimals = CURRENCY_DECIMALS[currency];
    f = new Intl.NumberFormat(LOCALES[lang], {
      style: "currency",
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  return f;
}

/** "$1,234.50" from 123450 USD cents. Division is exact enough: values stay far below 2^53. */
export function formatMoney(amount: Cents, currency: Currency, lang: Lang): string {
  return formatter(currency, lang).format(amount / 10 ** CURRENCY_DECIMALS[currency]);
}
