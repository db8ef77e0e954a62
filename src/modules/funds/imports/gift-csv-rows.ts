// What each row of a crowdfunding export becomes: a gift, a row skipped on purpose, or a
// row with problems that stops the import. Pure: no I/O (the "already imported" check
// takes the ids the database already holds).
import { createHash } from "node:crypto";
import {
  type Cents,
  type Currency,
  cents,
  type ParseFailure,
  parseAmount,
} from "../../../platform/money";
import {
  columnOf,
  type GiftCsvMapping,
  type GiftField,
  headerKey,
  missingFields,
  type ParsedCsv,
  type StoredCsvRow,
} from "./gift-csv";
import { type DayOrder, readDateCell, resolveDayOrder } from "./gift-csv-dates";

export const DONOR_NAME_MAX = 160;
export const EXTERNAL_ID_MAX = 200;

export type GiftRow = {
  line: number;
  amountCents: Cents;
  receivedAt: Date;
  donorName: string | null;
  anonymous: boolean;
  /** The file's transaction id, or `row:<hash>` when the row has none (see rowHash). */
  externalId: string;
  idFromFile: boolean;
};

export type RowProblem =
  | { kind: "short_row"; field: GiftField }
  | { kind: "bad_amount"; reason: ParseFailure; value: string }
  | { kind: "bad_date"; value: string }
  | { kind: "wrong_currency"; value: string }
  | { kind: "duplicate_id"; value: string; firstLine: number }
  | { kind: "bad_id"; value: string }
  /** The id is already a gift imported under another platform name: probably the same gift. */
  | { kind: "other_source"; value: string; source: string };

export type RowSkip =
  | { kind: "status"; value: string }
  | { kind: "summary_line" }
  | { kind: "already_imported" }
  | { kind: "refunded" }
  /** The same line again, cell for cell (an export that lists a row twice). */
  | { kind: "repeated_line"; firstLine: number };

export type RowOutcome =
  | { line: number; status: "ok"; gift: GiftRow; repeatOf: number | null }
  | { line: number; status: "skip"; skip: RowSkip; gift: GiftRow | null }
  | { line: number; status: "problem"; problems: RowProblem[] };

export type GiftCsvPreview = {
  /** Required fields with no column: nothing can be recorded until they are mapped. */
  missing: GiftField[];
  dayOrder: { order: DayOrder; guessed: boolean };
  outcomes: RowOutcome[];
  toRecord: GiftRow[];
  recordCents: Cents;
  skipped: number;
  problemRows: number;
  /** True when nothing stops the commit (it may still record zero gifts). */
  committable: boolean;
};

export type ReadContext = { currency: Currency; timeZone: string; now: Date };

/** Ids already recorded: under this import's source, and under other sources (id -> source). */
export type Recorded = { here: ReadonlySet<string>; elsewhere: ReadonlyMap<string, string> };
const NOTHING_RECORDED: Recorded = { here: new Set(), elsewhere: new Map() };

/** Columns that, filled in, say a gift was refunded (ActBlue has no status column). */
const REFUND_COLUMNS = new Set(["refund id", "refund date", "refunded at", "fecha de reembolso"]);

const COMPLETED = new Set([
  "completed",
  "complete",
  "succeeded",
  "success",
  "successful",
  "paid",
  "captured",
  "settled",
  "approved",
  "confirmed",
  "received",
  "processed",
  "active",
  "ok",
  "completado",
  "completada",
  "exitoso",
  "exitosa",
  "pagado",
  "pagada",
  "aprobado",
  "aprobada",
  "confirmado",
  "confirmada",
  "recibido",
  "recibida",
  "procesado",
  "procesada",
  "acreditado",
  "acreditada",
]);
/** Names some platforms put in place of a donor who asked not to be named. */
const ANONYMOUS_NAMES = new Set([
  "anonymous",
  "anonymous donor",
  "anonimo",
  "anonima",
  "donante anonimo",
  "donante anonima",
]);
const NAMED = new Set([
  "no",
  "n",
  "false",
  "0",
  "public",
  "publico",
  "publica",
  "visible",
  "shown",
]);
const SUMMARY = /^(grand )?(total|totals|totales|suma|subtotal)$/;
const CURRENCY_SIGNS: Record<Currency, string[]> = {
  USD: ["$", "US$"],
  MXN: ["$", "MX$"],
  EUR: ["€"],
  JPY: ["¥", "円"],
};

/**
 * The id of a row that has no transaction id: a hash of its line number and every cell,
 * so the same file uploaded again gives the same ids and adds nothing, while two
 * identical rows on different lines stay two gifts.
 */
export function rowHash(row: StoredCsvRow): string {
  const digest = createHash("sha256")
    .update([String(row.line), ...row.cells].join("\u001f"))
    .digest("hex");
  return `row:${digest.slice(0, 32)}`;
}

const words = (value: string) => headerKey(value);

function readAnonymous(cell: string | undefined): boolean {
  const value = words(cell ?? "");
  if (value === "") return true;
  // Only a clear "no" names the donor; "yes", "private" or anything unrecognized keeps
  // them anonymous, the safe default.
  return !NAMED.has(value);
}

function currencyMatches(cell: string, currency: Currency): boolean {
  const value = cell.trim().toUpperCase();
  return value === "" || value === currency || CURRENCY_SIGNS[currency].includes(cell.trim());
}

function isSummaryLine(row: StoredCsvRow, mapping: GiftCsvMapping): boolean {
  const first = row.cells.find((c) => c !== "") ?? "";
  const dateColumn = mapping.columns.date;
  const date = dateColumn === null ? "" : (row.cells[dateColumn] ?? "");
  return SUMMARY.test(words(first)) && (date === "" || SUMMARY.test(words(date)));
}

type FileFacts = { refundColumns: number[]; dateZone: string };

/**
 * What the headers tell about every row: which columns mark a refund, and the zone of
 * times written without an offset ("Created date (UTC)" is UTC; ActBlue's "Paid At" and
 * "Date" are Eastern Time, as its data dictionary says; else the organization's zone).
 */
function fileFacts(csv: ParsedCsv, mapping: GiftCsvMapping, timeZone: string): FileFacts {
  const keys = csv.headers.map(headerKey);
  const dateColumn = columnOf(mapping, "date");
  const dateKey = dateColumn === null ? "" : (keys[dateColumn] ?? "");
  const dateZone = / (utc|gmt)$|^(utc|gmt) /.test(` ${dateKey} `.replace(/ $/, ""))
    ? "UTC"
    : mapping.source === "actblue" && (dateKey === "paid at" || dateKey === "date")
      ? "America/New_York"
      : timeZone;
  const refundColumns =
    columnOf(mapping, "status") === null
      ? keys.flatMap((k, i) => (REFUND_COLUMNS.has(k) ? [i] : []))
      : [];
  return { refundColumns, dateZone };
}

function readRow(
  row: StoredCsvRow,
  mapping: GiftCsvMapping,
  order: DayOrder,
  ctx: ReadContext,
  facts: FileFacts,
): RowOutcome {
  const cell = (field: GiftField) => {
    const index = columnOf(mapping, field);
    return index === null ? undefined : row.cells[index];
  };
  const status = cell("status");
  if (status && !COMPLETED.has(words(status))) {
    return { line: row.line, status: "skip", skip: { kind: "status", value: status }, gift: null };
  }
  if (facts.refundColumns.some((i) => (row.cells[i] ?? "") !== "")) {
    return { line: row.line, status: "skip", skip: { kind: "refunded" }, gift: null };
  }
  if (isSummaryLine(row, mapping)) {
    return { line: row.line, status: "skip", skip: { kind: "summary_line" }, gift: null };
  }
  const problems: RowProblem[] = [];
  for (const field of ["amount", "date"] as const) {
    if (columnOf(mapping, field) !== null && cell(field) === undefined) {
      problems.push({ kind: "short_row", field });
    }
  }
  const amountText = cell("amount");
  const amount = amountText === undefined ? null : parseAmount(amountText, ctx.currency);
  if (amount && !amount.ok) {
    problems.push({ kind: "bad_amount", reason: amount.reason, value: amountText ?? "" });
  }
  const dateText = cell("date");
  const receivedAt =
    dateText === undefined ? null : readDateCell(dateText, order, facts.dateZone, ctx.now);
  if (dateText !== undefined && !receivedAt) problems.push({ kind: "bad_date", value: dateText });
  const currency = cell("currency");
  if (currency && !currencyMatches(currency, ctx.currency)) {
    problems.push({ kind: "wrong_currency", value: currency });
  }
  const id = cell("external_id") ?? "";
  if (id.length > EXTERNAL_ID_MAX) problems.push({ kind: "bad_id", value: id.slice(0, 40) });
  if (problems.length > 0 || !amount?.ok || !receivedAt) {
    return { line: row.line, status: "problem", problems };
  }
  // "Donor First Name" + "Donor Last Name" make one name.
  const name = [cell("donor_name") ?? "", cell("donor_last_name") ?? ""]
    .filter((part) => part !== "")
    .join(" ")
    .slice(0, DONOR_NAME_MAX);
  // Some platforms write "Anonymous" as the name of a donor who asked not to be named.
  const namedAnonymous = ANONYMOUS_NAMES.has(words(name));
  return {
    line: row.line,
    status: "ok",
    repeatOf: null,
    gift: {
      line: row.line,
      amountCents: amount.cents,
      receivedAt,
      donorName: name === "" || namedAnonymous ? null : name,
      anonymous: namedAnonymous || readAnonymous(cell("anonymous")),
      externalId: id === "" ? rowHash(row) : id,
      idFromFile: id !== "",
    },
  };
}

/** Every row read with the mapping; `recorded` holds the ids already recorded. */
export function previewRows(
  csv: ParsedCsv,
  mapping: GiftCsvMapping,
  ctx: ReadContext,
  recorded: Recorded = NOTHING_RECORDED,
): GiftCsvPreview {
  const missing = missingFields(mapping);
  const dateColumn = columnOf(mapping, "date");
  const fallback: DayOrder =
    dateColumn !== null && headerKey(csv.headers[dateColumn] ?? "").includes("fecha")
      ? "dmy"
      : "mdy";
  const dayOrder =
    mapping.dateOrder === "auto"
      ? resolveDayOrder(
          csv.rows.map((r) => (dateColumn === null ? "" : (r.cells[dateColumn] ?? ""))),
          fallback,
        )
      : { order: mapping.dateOrder, guessed: false };
  const facts = fileFacts(csv, mapping, ctx.timeZone);
  const outcomes: RowOutcome[] =
    missing.length > 0
      ? []
      : csv.rows.map((row) => readRow(row, mapping, dayOrder.order, ctx, facts));

  const firstById = new Map<string, number>();
  const firstByContent = new Map<string, number>();
  const rowsByLine = new Map(csv.rows.map((r) => [r.line, r]));
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status !== "ok") continue;
    const { gift } = outcome;
    const content = (rowsByLine.get(gift.line)?.cells ?? []).join("\u001f");
    const sameLine = firstByContent.get(content);
    // A line repeated cell for cell is one gift listed twice, when something in it tells
    // gifts apart: a transaction id, or a time of day. Without either, two equal lines may
    // be two equal gifts: both are recorded and the preview points it out (below).
    const dateCell =
      dateColumn === null ? "" : (rowsByLine.get(gift.line)?.cells[dateColumn] ?? "");
    if (sameLine !== undefined && (gift.idFromFile || dateCell.includes(":"))) {
      outcomes[i] = {
        line: outcome.line,
        status: "skip",
        skip: { kind: "repeated_line", firstLine: sameLine },
        gift: null,
      };
      continue;
    }
    if (gift.idFromFile) {
      firstByContent.set(content, firstByContent.get(content) ?? gift.line);
      const other = recorded.elsewhere.get(gift.externalId);
      if (other !== undefined && !recorded.here.has(gift.externalId)) {
        outcomes[i] = {
          line: outcome.line,
          status: "problem",
          problems: [{ kind: "other_source", value: gift.externalId, source: other }],
        };
        continue;
      }
      const first = firstById.get(gift.externalId);
      if (first !== undefined) {
        outcomes[i] = {
          line: outcome.line,
          status: "problem",
          problems: [{ kind: "duplicate_id", value: gift.externalId, firstLine: first }],
        };
        continue;
      }
      firstById.set(gift.externalId, gift.line);
    } else {
      // Without ids or times, an identical row may be a second gift of the same amount:
      // it is recorded, and the preview points it out.
      if (sameLine !== undefined) outcome.repeatOf = sameLine;
      else firstByContent.set(content, gift.line);
    }
    if (recorded.here.has(gift.externalId)) {
      outcomes[i] = {
        line: outcome.line,
        status: "skip",
        skip: { kind: "already_imported" },
        gift,
      };
    }
  }

  const toRecord = outcomes.flatMap((o) => (o.status === "ok" ? [o.gift] : []));
  const problemRows = outcomes.filter((o) => o.status === "problem").length;
  return {
    missing,
    dayOrder,
    outcomes,
    toRecord,
    recordCents: cents(toRecord.reduce((sum, g) => sum + g.amountCents, 0)),
    skipped: outcomes.filter((o) => o.status === "skip").length,
    problemRows,
    committable: missing.length === 0 && problemRows === 0,
  };
}

/** The ids that rows would be recorded under, to look up among gifts already recorded. */
export function candidateIds(preview: GiftCsvPreview): string[] {
  return preview.outcomes.flatMap((o) => (o.status === "ok" ? [o.gift.externalId] : []));
}

/** The source gifts of this import are recorded under. */
export function importSource(mapping: Pick<GiftCsvMapping, "source">): string {
  return `import:${mapping.source}`;
}
