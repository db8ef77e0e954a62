// CSV files people open in a spreadsheet: RFC 4180 quoting, a byte order mark so Excel
// reads accents right, and no cell a spreadsheet would run as a formula.

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Free text
 * that a spreadsheet would run as a formula (=, +, -, @, tab) gets a leading apostrophe;
 * numbers are written as they are.
 */
export function csvCell(
  value: string | number,
  kind: "text" | "number" = typeof value === "number" ? "number" : "text",
): string {
  let text = String(value);
  if (kind === "text" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvValue = string | number | { number: string | number };

/** The whole file: UTF-8 byte order mark (so Excel reads accents right), CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  const lines = rows.map((row) =>
    row.map((v) => (typeof v === "object" ? csvCell(v.number, "number") : csvCell(v))).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
