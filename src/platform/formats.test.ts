import { describe, expect, it } from "vitest";
import { formatDateTimeRange, formatPercent } from "./i18n";
import { isPrivateAddress, publicBaseUrl, publicLink } from "./public-address";
import { monthName, timeZoneName } from "./time";

// Issue 7, flow 10 and 11: the shared formats every module uses.
describe("shared formats", () => {
  it("writes the day of a span once when it starts and ends that day, in the given zone", () => {
    const zone = "America/Los_Angeles";
    const start = new Date("2026-12-12T01:00:00Z"); // Dec 11, 5 PM in Los Angeles
    const evening = new Date("2026-12-12T03:00:00Z");
    const nextDay = new Date("2026-12-13T03:00:00Z");
    expect(formatDateTimeRange(start, evening, "es", zone)).toBe(
      "11 dic 2026, 5:00–7:00\u202fp.m.",
    );
    expect(formatDateTimeRange(start, evening, "en", zone)).toMatch(
      /^Dec 11, 2026, 5:00\s–\s7:00\sPM$/,
    );
    expect(formatDateTimeRange(start, nextDay, "en", zone)).toMatch(/Dec 11.*Dec 12/);
  });

  it("writes a month with its whole year, so it never reads as a day", () => {
    expect(monthName("2026-09", "es")).toBe("sept 2026");
    expect(monthName("2026-09", "en")).toBe("Sep 2026");
    expect(monthName("2026-11", "es", "long")).toBe("noviembre de 2026");
  });

  it("writes percents as each language does", () => {
    expect(formatPercent(41, "en")).toBe("41%");
    expect(formatPercent(41, "es")).toBe("41\u00a0%");
  });

  it("names time zones as people say them, not by their ids", () => {
    expect(timeZoneName("America/Los_Angeles", "en")).toBe("Pacific Time (Los Angeles)");
    expect(timeZoneName("America/Los_Angeles", "es")).toBe("hora del Pacífico (Los Angeles)");
    expect(timeZoneName("UTC", "es")).toBe("UTC");
    expect(timeZoneName("America/New_York", "en")).not.toContain("_");
  });
});

describe("the public address", () => {
  it("comes only from configuration (or the organization), never a request", () => {
    expect(publicBaseUrl({ config: {} })).toBeNull();
    expect(publicBaseUrl({ config: { publicUrl: "https://amparo.example.org/" } })).toBe(
      "https://amparo.example.org",
    );
    expect(
      publicBaseUrl({
        config: { publicUrl: "https://amparo.example.org" },
        org: { publicUrl: "https://grupo.example.org/amparo/" },
      }),
    ).toBe("https://grupo.example.org/amparo");
    expect(publicBaseUrl({ config: { publicUrl: "javascript:alert(1)" } })).toBeNull();
    expect(publicLink(null, "/p/a/c/b")).toBe("/p/a/c/b");
    expect(publicLink("https://x.example", "/p/a/c/b")).toBe("https://x.example/p/a/c/b");
  });

  it("knows which addresses nobody outside can reach", () => {
    for (const url of ["http://127.0.0.1:3000", "http://localhost", "http://192.168.1.20"]) {
      expect(isPrivateAddress(url), url).toBe(true);
    }
    expect(isPrivateAddress("https://amparo.example.org")).toBe(false);
  });
});
