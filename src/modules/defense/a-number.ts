// Alien Registration Numbers ("A-numbers"): 8 or 9 digits, often written "A-012-345-678"
// or "A 12345678". Stored as 9 digits, zero-padded. Pure: no I/O.

export type ANumberResult = { ok: true; value: string } | { ok: false };

/**
 * "A-012-345-678", "a012345678", "12 345 678" -> "012345678". An optional leading "A",
 * spaces, dashes and dots are allowed; any other letter, or a count of digits other than
 * 8 or 9, is refused rather than guessed at.
 */
export function parseANumber(input: string): ANumberResult {
  const compact = input
    .normalize("NFKC")
    .trim()
    .replace(/[\s.\-–—]/g, "");
  const digits = compact.replace(/^a/i, "");
  if (!/^\d{8,9}$/.test(digits)) return { ok: false };
  const value = digits.padStart(9, "0");
  if (/^0+$/.test(value)) return { ok: false };
  return { ok: true, value };
}

/** "012345678" -> "A-012-345-678", the way it is printed on notices. */
export function formatANumber(stored: string): string {
  if (!/^\d{9}$/.test(stored)) return stored;
  return `A-${stored.slice(0, 3)}-${stored.slice(3, 6)}-${stored.slice(6)}`;
}
