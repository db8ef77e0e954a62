import { describe, expect, it } from "vitest";
import {
  CsvFileError,
  decodeCsv,
  detectDelimiter,
  guessMapping,
  guessSource,
  MAX_IMPORT_ROWS,
  parseCsv,
} from "./gift-csv";
import { readDateCell, resolveDayOrder } from "./gift-csv-dates";
import { candidateIds, previewRows, rowHash } from "./gift-csv-rows";

const utf8 = (text: string) => new TextEncoder().encode(text);
const NOW = new Date("2025-06-30T12:00:00Z");
const TZ = "America/Los_Angeles";
const ctx = { currency: "USD" as const, timeZone: TZ, now: NOW };
const fileError = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CsvFileError) return e.problem;
    throw e;
  }
  throw new Error("expected a CsvFileError");
};

function preview(text: string, fileName = "export.csv", imported = new Set<string>()) {
  const csv = parseCsv(decodeCsv(utf8(text)).text);
  const mapping = guessMapping(csv.headers, fileName, csv.rows);
  return {
    csv,
    mapping,
    preview: previewRows(csv, mapping, ctx, { here: imported, elsewhere: new Map() }),
  };
}

describe("decoding the upload", () => {
  it("reads UTF-8, with or without a byte-order mark", () => {
    expect(decodeCsv(utf8("Nombre\nJosé"))).toEqual({
      text: "Nombre\nJosé",
      encoding: "utf-8",
      lossy: false,
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Monto\n5")]);
    expect(decodeCsv(bom).text).toBe("Monto\n5");
  });

  it("falls back to Windows-1252 when the bytes aren't UTF-8", () => {
    // "José Muñoz" as Excel saves it on Windows.
    const bytes = new Uint8Array([...utf8("Name\nJos"), 0xe9, ...utf8(" Mu"), 0xf1, ...utf8("oz")]);
    expect(decodeCsv(bytes)).toEqual({
      text: "Name\nJosé Muñoz",
      encoding: "windows-1252",
      lossy: false,
    });
  });

  it("flags UTF-8 that already lost characters, and reads UTF-16 with a BOM", () => {
    expect(decodeCsv(utf8("Name\nJos\uFFFD")).lossy).toBe(true);
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("Monto\n5", "utf16le")]);
    expect(decodeCsv(le)).toMatchObject({ text: "Monto\n5", encoding: "utf-16le" });
  });

  it("refuses empty files, spreadsheets and binary files", () => {
    expect(fileError(() => decodeCsv(new Uint8Array()))).toBe("empty_file");
    expect(fileError(() => decodeCsv(new Uint8Array([0x50, 0x4b, 3, 4, 0])))).toBe("excel_file");
    expect(fileError(() => decodeCsv(new Uint8Array([0x41, 0, 0x42])))).toBe("not_text");
  });
});

describe("parsing", () => {
  it("finds the delimiter of Spanish Excel (semicolon) and tabs", () => {
    expect(detectDelimiter("Fecha;Monto;Nombre\n1;2;3")).toBe(";");
    expect(detectDelimiter("Date\tAmount\n")).toBe("\t");
    expect(detectDelimiter('"Monto; total",Fecha\n')).toBe(",");
  });

  it("numbers rows by their line in the file, past blank lines and multi-line cells", () => {
    const csv = parseCsv('Date,Amount,Note\n2025-01-02,5,"two\nlines"\n\n2025-01-03,6,x\n');
    expect(csv.headers).toEqual(["Date", "Amount", "Note"]);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("refuses a header with no rows and files over the row limit", () => {
    expect(fileError(() => parseCsv("Date,Amount\n"))).toBe("no_rows");
    expect(fileError(() => parseCsv(""))).toBe("empty_file");
    const big = `Amount\n${"1\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(fileError(() => parseCsv(big))).toBe("too_many_rows");
  });
});

describe("guessing the mapping", () => {
  it("recognizes English crowdfunding headers", () => {
    const m = guessMapping(
      [
        "Donation ID",
        "Donation Date",
        "Donor Name",
        "Donation Amount",
        "Fee",
        "Net Amount",
        "Anonymous",
        "Currency",
        "Status",
      ],
      "GoFundMe_donations.csv",
    );
    expect(m.columns).toEqual({
      external_id: 0,
      date: 1,
      donor_name: 2,
      donor_last_name: null,
      amount: 3,
      anonymous: 6,
      currency: 7,
      status: 8,
    });
    expect(m.source).toBe("gofundme");
  });

  it("recognizes Spanish headers, accents or not", () => {
    const m = guessMapping(
      ["Fecha", "Nombre", "Monto (MXN)", "Anónimo", "ID de transacción", "Estado", "Moneda"],
      "x.csv",
    );
    expect(m.columns).toEqual({
      date: 0,
      donor_name: 1,
      donor_last_name: null,
      amount: 2,
      anonymous: 3,
      external_id: 4,
      status: 5,
      currency: 6,
    });
    expect(m.source).toBe("csv");
  });

  it("leaves a field unmapped rather than guess from an unrelated column", () => {
    const m = guessMapping(["Campaign Name", "Amount", "When"], "a.csv");
    expect(m.columns).toMatchObject({ amount: 1, date: null, donor_name: null, external_id: null });
    expect(guessSource("Donorbox export 2025.csv")).toBe("donorbox");
  });
});

describe("dates", () => {
  const read = (cell: string, order: "mdy" | "dmy" = "mdy") =>
    readDateCell(cell, order, TZ, NOW)?.toISOString() ?? null;

  it("reads ISO dates, with and without time and offset", () => {
    expect(read("2025-03-01")).toBe("2025-03-01T20:00:00.000Z"); // noon in Los Angeles
    expect(read("2025-03-01T18:04:05Z")).toBe("2025-03-01T18:04:05.000Z");
    expect(read("2025-03-01 10:30:00 -05:00")).toBe("2025-03-01T15:30:00.000Z");
    expect(read("2025-03-01 10:30")).toBe("2025-03-01T18:30:00.000Z");
  });

  it("reads day/month dates in the order given, and month names in both languages", () => {
    expect(read("03/04/2025", "mdy")).toBe("2025-03-04T20:00:00.000Z");
    expect(read("03/04/2025", "dmy")).toBe("2025-04-03T19:00:00.000Z");
    expect(read("3/4/25 6:15 PM", "mdy")).toBe("2025-03-05T02:15:00.000Z");
    expect(read("Mar 1, 2025")).toBe("2025-03-01T20:00:00.000Z");
    expect(read("1 de marzo de 2025")).toBe("2025-03-01T20:00:00.000Z");
    expect(read("sábado, 1 de marzo de 2025")).toBe("2025-03-01T20:00:00.000Z");
  });

  it("refuses impossible, far-past, future and non-dates", () => {
    for (const bad of [
      "31/02/2025",
      "2025-02-30",
      "1999-12-31",
      "2025-08-01",
      "ayer",
      "",
      "2025-03-01 25:00",
    ]) {
      expect(read(bad, "dmy"), bad).toBeNull();
    }
  });

  it("decides day order from the evidence, else guesses", () => {
    expect(resolveDayOrder(["03/04/2025", "25/04/2025"], "mdy")).toEqual({
      order: "dmy",
      guessed: false,
    });
    expect(resolveDayOrder(["03/04/2025", "04/25/2025"], "dmy")).toEqual({
      order: "mdy",
      guessed: false,
    });
    expect(resolveDayOrder(["03/04/2025"], "dmy")).toEqual({ order: "dmy", guessed: true });
  });
});

describe("rows to gifts", () => {
  const HEAD = "Transaction ID,Date,Name,Amount,Anonymous,Currency,Status\n";

  it("turns good rows into gifts, anonymous unless the file says no", () => {
    const { preview: p } = preview(
      `${HEAD}t1,2025-03-01,Ana Inventada,25.00,No,USD,Completed\nt2,2025-03-02,Beto Prueba,"1,000",Yes,USD,Completed\nt3,2025-03-03,,$5,,,\n`,
    );
    expect(p.committable).toBe(true);
    expect(p.toRecord.map((g) => [g.externalId, g.amountCents, g.donorName, g.anonymous])).toEqual([
      ["t1", 2500, "Ana Inventada", false],
      ["t2", 100_000, "Beto Prueba", true],
      ["t3", 500, null, true],
    ]);
    expect(p.recordCents).toBe(103_000);
  });

  it("names every bad line and why, and then commits nothing", () => {
    const { preview: p } = preview(
      `${HEAD}t1,2025-03-01,A,25,,,\nt2,2025-02-30,B,25,,,\nt3,2025-03-01,C,"1,5",,,\nt4,2025-03-01,D,-5,,,\nt5,2025-03-01,E,5,,EUR,\nt1,2025-03-09,F,7,,,\nt7,2025-03-01\n`,
    );
    expect(p.committable).toBe(false);
    const problems = p.outcomes.flatMap((o) =>
      o.status === "problem" ? o.problems.map((x) => [o.line, x.kind]) : [],
    );
    expect(problems).toEqual([
      [3, "bad_date"],
      [4, "bad_amount"],
      [5, "bad_amount"],
      [6, "wrong_currency"],
      [7, "duplicate_id"],
      [8, "short_row"],
    ]);
    expect(p.problemRows).toBe(6);
  });

  it("skips refunded rows, total lines and rows already imported", () => {
    const { preview: p } = preview(
      `${HEAD}t1,2025-03-01,A,25,,,Completado\nt2,2025-03-01,B,-25,,,Refunded\nTotal,,,25,,,\n`,
      "x.csv",
      new Set(["t1"]),
    );
    expect(p.committable).toBe(true);
    expect(p.outcomes.map((o) => (o.status === "skip" ? o.skip.kind : o.status))).toEqual([
      "already_imported",
      "status",
      "summary_line",
    ]);
    expect(p.toRecord).toEqual([]);
  });

  it("gives rows without an id a stable hash of line and content", () => {
    const text = "Fecha;Monto;Nombre\n01/03/2025;20;Ana\n01/03/2025;20;Ana\n";
    const a = preview(text).preview;
    const b = preview(text).preview;
    expect(candidateIds(a)).toEqual(candidateIds(b));
    expect(new Set(candidateIds(a)).size).toBe(2);
    expect(a.outcomes[1]).toMatchObject({ status: "ok", repeatOf: 2 });
    expect(rowHash({ line: 2, cells: ["a"] })).not.toBe(rowHash({ line: 3, cells: ["a"] }));
    // Spanish header, no evidence either way: read day first.
    expect(a.dayOrder).toEqual({ order: "dmy", guessed: true });
    expect(a.toRecord[0]?.receivedAt.toISOString()).toBe("2025-03-01T20:00:00.000Z");
  });

  it("reports missing required columns instead of reading rows", () => {
    const { preview: p } = preview("Name,Notes\nAna,hola\n");
    expect(p.missing).toEqual(["amount", "date"]);
    expect(p.outcomes).toEqual([]);
    expect(p.committable).toBe(false);
  });
});
