import { describe, expect, it } from "vitest";
import { formatANumber, parseANumber } from "./a-number";

describe("parseANumber", () => {
  it.each([
    ["A-012-345-678", "012345678"],
    ["A012345678", "012345678"],
    ["a 012 345 678", "012345678"],
    ["12345678", "012345678"],
    ["A-12-345-678", "012345678"],
    ["123456789", "123456789"],
    ["  123.456.789 ", "123456789"],
    ["A–123–456–789", "123456789"],
    ["１２３４５６７８９", "123456789"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseANumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["letters", "A-01B-345-678"],
    ["letters at the end", "12345678X"],
    ["two A's", "AA12345678"],
    ["too short", "1234567"],
    ["too long", "1234567890"],
    ["empty", ""],
    ["only the prefix", "A-"],
    ["all zeros", "000000000"],
    ["a plus", "+123456789"],
  ])("refuses %s (%j)", (_label, input) => {
    expect(parseANumber(input).ok).toBe(false);
  });
});

describe("formatANumber", () => {
  it("groups the nine digits the way notices print them", () => {
    expect(formatANumber("012345678")).toBe("A-012-345-678");
  });
  it("leaves anything unexpected as it is", () => {
    expect(formatANumber("12")).toBe("12");
  });
});
