import { randomInt } from "node:crypto";

// Crockford's base32 without I, L, O, U: easy to read aloud and to copy from paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A random receipt code like "7KQ3-M2XP-9DTA" (60 bits), unrelated to the voter's link. */
export function newReceipt(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** What a voter types when looking for their receipt: case, spaces and dashes don't matter. */
export function normalizeReceipt(text: string): string {
  const plain = text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return plain.length === 12 ? [0, 4, 8].map((i) => plain.slice(i, i + 4)).join("-") : plain;
}
