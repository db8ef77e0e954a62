import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsv, guessMapping, parseCsv } from "./gift-csv";
import { previewRows } from "./gift-csv-rows";

// Exports as three platforms write them (invented people, the platforms' own columns), read
// with no editing: the date column found among several, ISO dates never "ambiguous", the
// per-line id over the per-receipt one, first + last name, refunds and failures skipped,
// an exact repeat of a line skipped rather than blocking (issue 7, crowdfunding import).
const NOW = new Date("2026-06-30T12:00:00Z");
const ctx = { currency: "USD" as const, timeZone: "America/Los_Angeles", now: NOW };
const fixture = (name: string) =>
  parseCsv(decodeCsv(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))).text);

function read(name: string, fileName = name) {
  const csv = fixture(name);
  const mapping = guessMapping(csv.headers, fileName, csv.rows);
  // The column header each field was mapped to (null: unmapped).
  const headers = Object.fromEntries(
    Object.entries(mapping.columns).map(([field, i]) => [
      field,
      i === null ? null : csv.headers[i],
    ]),
  );
  return { csv, mapping, headers, preview: previewRows(csv, mapping, ctx) };
}

describe("an ActBlue contributions export", () => {
  // Named by the platform only in its columns, as a renamed download would be.
  const { mapping, headers, preview } = read("actblue-contributions.csv", "contributions-2026.csv");

  it("maps Paid At, Lineitem ID (not Receipt ID or Payment ID) and the donor's two names", () => {
    expect(headers).toMatchObject({
      date: "Paid At",
      external_id: "Lineitem ID",
      amount: "Amount",
      donor_name: "Donor First Name",
      donor_last_name: "Donor Last Name",
    });
    expect(mapping.source).toBe("actblue");
  });

  it("imports as exported: every line of a receipt and every month of a recurring gift", () => {
    expect(preview.committable).toBe(true);
    expect(preview.dayOrder.guessed).toBe(false);
    expect(preview.toRecord.map((g) => g.externalId)).toEqual([
      "81000001",
      "81000002",
      "81000003",
      "81000107",
    ]);
    expect(preview.recordCents).toBe(6_500);
    expect(preview.toRecord[2]?.donorName).toBe("Tomás Ficticio Pérez");
    // Paid At is Eastern Time (ActBlue's data dictionary): 21:15 on March 2 is 02:15 UTC.
    expect(preview.toRecord[0]?.receivedAt.toISOString()).toBe("2026-03-03T02:15:09.000Z");
  });

  it("skips the refunded line and the repeated line, naming why", () => {
    const skips = preview.outcomes.flatMap((o) => (o.status === "skip" ? [[o.line, o.skip]] : []));
    expect(skips).toEqual([
      [6, { kind: "refunded" }],
      [7, { kind: "repeated_line", firstLine: 2 }],
    ]);
    expect(preview.problemRows).toBe(0);
  });
});

describe("a GoFundMe donations export", () => {
  const { mapping, headers, preview } = read("gofundme-donations.csv");

  it("maps its columns and reads ISO times with Z", () => {
    expect(headers).toMatchObject({
      date: "Date",
      external_id: "Donation ID",
      amount: "Amount",
      anonymous: "Anonymous",
      status: "Status",
    });
    expect(mapping.source).toBe("gofundme");
    expect(preview.dayOrder.guessed).toBe(false);
    expect(preview.committable).toBe(true);
  });

  it("records completed gifts, keeps the anonymous one anonymous, skips the refund", () => {
    expect(
      preview.toRecord.map((g) => [g.externalId, g.amountCents, g.donorName, g.anonymous]),
    ).toEqual([
      ["gfm-5f1a20", 5_000, "Óscar Inventado", false],
      ["gfm-5f1a21", 120_000, "Marta Prueba", false],
      ["gfm-5f1a22", 2_000, null, true],
    ]);
    expect(preview.toRecord[0]?.receivedAt.toISOString()).toBe("2026-03-14T17:22:05.000Z");
    expect(preview.skipped).toBe(1);
  });
});

describe("a Stripe payments export", () => {
  const { mapping, headers, preview } = read("stripe-payments.csv", "unified_payments.csv");

  it("maps id, Created date (UTC), Amount, Status and the card's name", () => {
    expect(headers).toMatchObject({
      external_id: "id",
      date: "Created date (UTC)",
      amount: "Amount",
      currency: "Currency",
      status: "Status",
      donor_name: "Card Name",
    });
    expect(mapping.source).toBe("stripe");
  });

  it("reads Created date (UTC) as UTC and skips refunded and failed payments", () => {
    expect(preview.committable).toBe(true);
    expect(preview.toRecord.map((g) => [g.externalId, g.receivedAt.toISOString()])).toEqual([
      ["ch_3Qa1InventadoA0001", "2026-03-05T18:04:33.000Z"],
      ["ch_3Qa1InventadoA0004", "2026-03-08T23:59:59.000Z"],
    ]);
    expect(preview.recordCents).toBe(5_234);
    expect(preview.skipped).toBe(2);
  });
});
