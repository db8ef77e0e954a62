import { describe, expect, it } from "vitest";
import { instantToZoned, zonedToInstant } from "./time";

describe("zoned time", () => {
  it("reads a wall-clock time in the organization's zone", () => {
    expect(zonedToInstant("2025-01-15", "09:30", "America/Los_Angeles")?.toISOString()).toBe(
      "2025-01-15T17:30:00.000Z",
    );
    expect(zonedToInstant("2025-07-15", "09:30", "America/Los_Angeles")?.toISOString()).toBe(
      "2025-07-15T16:30:00.000Z",
    );
    expect(zonedToInstant("2025-07-15", "09:30", "America/Mexico_City")?.toISOString()).toBe(
      "2025-07-15T15:30:00.000Z",
    );
  });

  it("handles the daylight-saving gap and overlap without losing the day", () => {
    // 02:30 does not exist on 2025-03-09 in Los Angeles.
    const gap = zonedToInstant("2025-03-09", "02:30", "America/Los_Angeles");
    expect(gap && instantToZoned(gap, "America/Los_Angeles").date).toBe("2025-03-09");
    // 01:30 happens twice on 2025-11-02: the first (PDT) is used.
    expect(zonedToInstant("2025-11-02", "01:30", "America/Los_Angeles")?.toISOString()).toBe(
      "2025-11-02T08:30:00.000Z",
    );
  });

  it("refuses impossible dates and times", () => {
    expect(zonedToInstant("2025-02-30", "09:00", "UTC")).toBeNull();
    expect(zonedToInstant("2025-02-10", "24:00", "UTC")).toBeNull();
    expect(zonedToInstant("10/02/2025", "09:00", "UTC")).toBeNull();
  });

  it("round-trips", () => {
    const at = zonedToInstant("2025-12-31", "23:45", "America/New_York");
    expect(at && instantToZoned(at, "America/New_York")).toEqual({
      date: "2025-12-31",
      time: "23:45",
    });
  });
});
