// Reading a crowdfunding export: bytes -> text -> header and rows -> a guessed column
// mapping. Pure: no I/O. What each row becomes is in gift-csv-rows.ts.
import { parse } from "csv-parse/sync";
import { fold } from "../../../platform/text";

import type { GiftMethod } from "../gifts/gift";
import { NAMES, PROVIDERS, TELLTALE } from "./gift-csv-names";

/** The largest file accepted, and the most data rows one import may hold. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
const MAX_CELL = 1_000;

export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export type DecodedCsv = {
  text: string;
  encoding: CsvEncoding;
  /** Valid UTF-8 that already held U+FFFD: some characters were lost before the upload. */
  lossy: boolean;
};

/** Why a file can't be read as a table at all (nothing about single rows). */
export type FileProblem = "empty_file" | "excel_file" | "not_text" | "no_rows" | "too_many_rows";

export class CsvFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem);
    this.name = "CsvFileError";
  }
}

/**
 * Text from the uploaded bytes. UTF-8 (with or without a byte-order mark) is expected;
 * a byte sequence that isn't valid UTF-8 is read as Windows-1252, the encoding Excel uses
 * for "CSV" on Windows in the Americas, and the preview says so. UTF-16 with a byte-order
 * mark ("Unicode text" from Excel) is read too.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) throw new CsvFileError("empty_file");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new CsvFileError("excel_file");
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new CsvFileError("excel_file");
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return textOnly(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return textOnly(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  }
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return textOnly(text, "utf-8");
  } catch {
    return textOnly(new TextDecoder("windows-1252").decode(body), "windows-1252");
  }
}

function textOnly(text: string, encoding: CsvEncoding): DecodedCsv {
  // NUL never appears in a text file; PostgreSQL couldn't store it either.
  if (text.includes("\u0000")) throw new CsvFileError("not_text");
  return { text, encoding, lossy: text.includes("\uFFFD") };
}

/** A data row as stored between preview and commit: its line in the file and its cells. */
export type StoredCsvRow = { line: number; cells: string[] };
export type ParsedCsv = { headers: string[]; rows: StoredCsvRow[] };

/** The separator the header line uses most: comma, semicolon (Spanish Excel) or tab. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text.slice(0, 10_000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

const clean = (cell: string) => cell.trim().slice(0, MAX_CELL);

/**
 * The header line and the data rows, each with the line it starts on (as a spreadsheet
 * numbers them, the header being line 1). Blank lines are dropped; a row may have fewer
 * or more cells than the header (that shows up as a problem of the row, not of the file).
 */
export function parseCsv(text: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` csv-parse returns { record, info } per row; its types don't say so.
    records = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as typeof records;
  } catch {
    throw new CsvFileError("not_text");
  }
  const [head, ...data] = records;
  if (!head || head.record.every((h) => h.trim() === "")) throw new CsvFileError("empty_file");
  const rows = data
    .map(({ record, info }) => ({
      // info.lines is where the record ends; a quoted cell may span lines.
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record.map(clean),
    }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  if (rows.length === 0) throw new CsvFileError("no_rows");
  if (rows.length > MAX_IMPORT_ROWS) throw new CsvFileError("too_many_rows");
  return { headers: head.record.map(clean), rows };
}

// ---- Column mapping -------------------------------------------------------------------

export const GIFT_FIELDS = [
  "amount",
  "date",
  "donor_name",
  "donor_last_name",
  "anonymous",
  "external_id",
  "currency",
  "status",
] as const;
export type GiftField = (typeof GIFT_FIELDS)[number];
/** Without these two a row can't become a gift. */
export const REQUIRED_FIELDS: readonly GiftField[] = ["amount", "date"];

/** Year-first dates are never ambiguous; the order only decides 03/04/2025. */
export const DATE_ORDERS = ["auto", "mdy", "dmy"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export type GiftCsvMapping = {
  /** Column index (0-based) of each field, or null when the file has none. */
  columns: Record<GiftField, number | null>;
  /** How to read 03/04/2025; "auto" decides from the file (gift-csv-dates.ts). */
  dateOrder: DateOrder;
  /** Gifts are recorded with source "import:<source>": the same label every time for one platform. */
  source: string;
  method: GiftMethod;
};

/** "Monto (MXN)" -> "monto mxn": lower case, no accents, words only. */
export function headerKey(header: string): string {
  return fold(header)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function score(field: GiftField, header: string): number {
  const key = headerKey(header);
  if (!key) return 0;
  const names = NAMES[field];
  const exact = names.exact.indexOf(key);
  if (exact >= 0) return 100 - exact;
  const words = ` ${key} `;
  if (names.not?.some((w) => words.includes(` ${w} `))) return 0;
  return names.words.some((w) => words.includes(` ${w} `)) ? 10 : 0;
}

/** A short label for the platform: a known name in the file name or its columns, else "csv". */
export function guessSource(fileName: string, headers: readonly string[] = []): string {
  const name = headerKey(fileName).replace(/ /g, "");
  const byName = PROVIDERS.find((p) => name.includes(p));
  if (byName) return byName;
  const keys = new Set(headers.map(headerKey));
  let best: { source: string; hits: number } = { source: "csv", hits: 1 };
  for (const [source, telltales] of TELLTALE) {
    const hits = telltales.filter((h) => keys.has(h)).length;
    if (hits > best.hits) best = { source, hits };
  }
  return best.source;
}

/** Lower case letters, digits and dashes, 1 to 40: what may follow "import:". */
export const SOURCE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Whether a column's filled cells are all different (an id that names one row). */
function uniqueColumn(rows: readonly StoredCsvRow[], index: number): boolean {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = row.cells[index] ?? "";
    if (value === "") continue;
    if (seen.has(value)) return false;
    seen.add(value);
  }
  return true;
}

/**
 * Each field gets the header that matches it best; a header serves one field only,
 * and the strongest matches are placed first. Given the rows, an id column whose values
 * repeat (a receipt shared by several lines, a payout) gives way to one that names each line.
 */
export function guessMapping(
  headers: readonly string[],
  fileName: string,
  rows: readonly StoredCsvRow[] = [],
): GiftCsvMapping {
  const candidates: { field: GiftField; index: number; score: number }[] = [];
  for (const field of GIFT_FIELDS) {
    headers.forEach((header, index) => {
      let s = score(field, header);
      if (s > 0 && field === "external_id" && rows.length > 0 && !uniqueColumn(rows, index)) {
        s = s / 1000;
      }
      if (s > 0) candidates.push({ field, index, score: s });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const columns = Object.fromEntries(GIFT_FIELDS.map((f) => [f, null])) as Record<
    GiftField,
    number | null
  >;
  const taken = new Set<number>();
  for (const c of candidates) {
    if (columns[c.field] !== null || taken.has(c.index)) continue;
    columns[c.field] = c.index;
    taken.add(c.index);
  }
  return { columns, dateOrder: "auto", source: guessSource(fileName, headers), method: "card" };
}

/** The mapping's required fields that have no column. */
export function missingFields(mapping: GiftCsvMapping): GiftField[] {
  return REQUIRED_FIELDS.filter((f) => columnOf(mapping, f) === null);
}

/** A field's column; mappings stored before a field existed simply lack it (null). */
export function columnOf(mapping: GiftCsvMapping, field: GiftField): number | null {
  return mapping.columns[field] ?? null;
}
