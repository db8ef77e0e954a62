import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas in text", () => {
    expect(csvCell("Kermés, sábado")).toBe('"Kermés, sábado"');
    expect(csvCell('Dijo "gracias"')).toBe('"Dijo ""gracias"""');
    expect(csvCell("línea 1\nlínea 2")).toBe('"línea 1\nlínea 2"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-5", "number")).toBe("-5");
    expect(csvCell("-5")).toBe("'-5");
  });

  it("starts with a UTF-8 byte order mark and ends lines with CRLF", () => {
    const text = toCsv([
      ["Fecha", "Importe"],
      ["María", { number: "-12.50" }],
    ]);
    expect(text).toBe("\uFEFFFecha,Importe\r\nMaría,-12.50\r\n");
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("writes numbers as they are, and text that looks like a number defused", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("+1 555 0100")).toBe("'+1 555 0100");
  });
});
