import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../../platform/time";
import {
  actionReminders,
  DEFAULT_SEND_WINDOW,
  hearingReminders,
  insideWindow,
  mayRunAt,
  nextSendTime,
  reminderStillTrue,
  retryDelayMs,
  type SendWindow,
} from "./schedule";

const LA = "America/Los_Angeles";
const zoned = (iso: string, zone = LA) =>
  new Date(Temporal.PlainDateTime.from(iso).toZonedDateTime(zone).epochMilliseconds);
const local = (d: Date, zone = LA) =>
  Temporal.Instant.fromEpochMilliseconds(d.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString();
// The reminders planned at `now` for a hearing or action at `at`, both Los Angeles wall-clock
// times, under the default send window.
const hearingInLA = (at: string, now: string) =>
  hearingReminders(zoned(at), LA, DEFAULT_SEND_WINDOW, zoned(now));
const actionInLA = (at: string, now: string) =>
  actionReminders(zoned(at), LA, DEFAULT_SEND_WINDOW, zoned(now));

const ZONES = [
  LA,
  "America/New_York",
  "America/Mexico_City",
  "America/Santiago",
  "Europe/Madrid",
  "Pacific/Auckland",
  "UTC",
  "Asia/Kolkata",
];
const windowArb: fc.Arbitrary<SendWindow> = fc.oneof(
  fc.constant(null),
  fc.constant(DEFAULT_SEND_WINDOW),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({
      start: `${String(a).padStart(2, "0")}:00`,
      end: `${String(b).padStart(2, "0")}:30`,
    })),
);
const instantArb = fc.date({
  min: new Date("2025-01-01T00:00:00Z"),
  max: new Date("2028-12-31T00:00:00Z"),
  noInvalidDate: true,
});

describe("hearing reminders", () => {
  it("go out 7, 3 and 1 days before at the hearing's local time", () => {
    const planned = hearingInLA("2026-03-12T09:30", "2026-03-01T00:00");
    expect(planned.map((p) => [p.step, local(p.sendAt)])).toEqual([
      ["7d", "2026-03-05T09:30:00"],
      ["3d", "2026-03-09T09:30:00"],
      ["1d", "2026-03-11T09:30:00"],
    ]);
  });

  it("keep the local time across the spring-forward change (March 8, 2026 in Los Angeles)", () => {
    const hearing = "2026-03-10T09:00";
    const [seven, three] = hearingInLA(hearing, "2026-03-01T00:00");
    expect(local(seven?.sendAt ?? new Date(0))).toBe("2026-03-03T09:00:00");
    expect(local(three?.sendAt ?? new Date(0))).toBe("2026-03-07T09:00:00");
    // 7 calendar days across the change are 167 hours, not 168.
    expect((zoned(hearing).getTime() - (seven?.sendAt.getTime() ?? 0)) / 3_600_000).toBe(167);
  });

  it("move an early-morning hearing's reminders to the window's opening that day", () => {
    const planned = hearingInLA("2026-06-20T07:00", "2026-06-01T00:00");
    expect(planned.map((p) => local(p.sendAt))).toEqual([
      "2026-06-13T08:00:00",
      "2026-06-17T08:00:00",
      "2026-06-19T08:00:00",
    ]);
  });

  it("skip the reminders already behind us (a hearing set two days out gets only the last)", () => {
    const planned = hearingInLA("2026-06-20T10:00", "2026-06-18T09:00");
    expect(planned.map((p) => p.step)).toEqual(["1d"]);
  });

  it("a moved hearing makes the old reminder untrue", () => {
    const planned = zoned("2026-06-20T10:00");
    expect(reminderStillTrue(planned, { at: planned })).toBe(true);
    expect(reminderStillTrue(planned, { at: zoned("2026-06-27T10:00") })).toBe(false);
    expect(reminderStillTrue(planned, null)).toBe(false);
  });

  it("property: every reminder is before the hearing, inside the window, in order, and on day N before", () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), windowArb, (hearing, zone, window) => {
        const now = new Date(hearing.getTime() - 30 * 86_400_000);
        const planned = hearingReminders(hearing, zone, window, now);
        const hearingDate = Temporal.Instant.fromEpochMilliseconds(hearing.getTime())
          .toZonedDateTimeISO(zone)
          .toPlainDate();
        let previous = 0;
        for (const p of planned) {
          expect(p.sendAt.getTime()).toBeLessThan(hearing.getTime());
          expect(p.sendAt.getTime()).toBeGreaterThan(previous);
          previous = p.sendAt.getTime();
          const sendDate = Temporal.Instant.fromEpochMilliseconds(p.sendAt.getTime())
            .toZonedDateTimeISO(zone)
            .toPlainDate();
          expect(sendDate.until(hearingDate).days).toBe(Number.parseInt(p.step, 10));
          if (window) expect(mayRunAt(window, p.sendAt, zone)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("property: moving a hearing changes the moment every reminder is for", () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 60 * 24 * 20 }), (hearing, minutes) => {
        const moved = new Date(hearing.getTime() + minutes * 60_000);
        expect(reminderStillTrue(hearing, { at: moved })).toBe(false);
        expect(reminderStillTrue(moved, { at: moved })).toBe(true);
      }),
    );
  });
});

describe("send window (quiet hours)", () => {
  it("holds a 22:30 message until 08:00 the next morning", () => {
    expect(local(nextSendTime(DEFAULT_SEND_WINDOW, zoned("2026-11-03T22:30"), LA))).toBe(
      "2026-11-04T08:00:00",
    );
    expect(local(nextSendTime(DEFAULT_SEND_WINDOW, zoned("2026-11-03T06:10"), LA))).toBe(
      "2026-11-03T08:00:00",
    );
    const noon = zoned("2026-11-03T12:00");
    expect(nextSendTime(DEFAULT_SEND_WINDOW, noon, LA)).toEqual(noon);
    expect(nextSendTime(null, zoned("2026-11-03T03:00"), LA)).toEqual(zoned("2026-11-03T03:00"));
  });

  it("the window is the recipient's: 20:00 in Los Angeles is 23:00 in New York", () => {
    const at = zoned("2026-05-05T20:00");
    expect(mayRunAt(DEFAULT_SEND_WINDOW, at, LA)).toBe(true);
    expect(mayRunAt(DEFAULT_SEND_WINDOW, at, "America/New_York")).toBe(false);
  });

  it("a window may wrap past midnight", () => {
    const w = { start: "20:00", end: "02:00" };
    expect(insideWindow(w, Temporal.PlainTime.from("23:00"))).toBe(true);
    expect(insideWindow(w, Temporal.PlainTime.from("01:59"))).toBe(true);
    expect(insideWindow(w, Temporal.PlainTime.from("12:00"))).toBe(false);
  });

  it("property: the next send time is never earlier, is inside the window, and within a day", () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), windowArb, (at, zone, window) => {
        const next = nextSendTime(window, at, zone);
        expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(26 * 3_600_000);
        expect(mayRunAt(window, next, zone)).toBe(true);
        // Nothing earlier would do: the minute before is outside (or it was `at` itself).
        if (next.getTime() > at.getTime()) {
          expect(mayRunAt(window, new Date(next.getTime() - 60_000), zone)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("action reminders", () => {
  it("the day before at the start time and the morning of at 08:00", () => {
    const planned = actionInLA("2026-07-04T11:00", "2026-07-01T00:00");
    expect(planned.map((p) => [p.step, local(p.sendAt)])).toEqual([
      ["day_before", "2026-07-03T11:00:00"],
      ["morning_of", "2026-07-04T08:00:00"],
    ]);
  });

  it("no morning-of reminder for an action at 08:30", () => {
    const planned = actionInLA("2026-07-04T08:30", "2026-07-01T00:00");
    expect(planned.map((p) => p.step)).toEqual(["day_before"]);
  });
});

describe("retries", () => {
  it("back off and stop growing at six hours", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([60_000, 300_000, 1_500_000]);
    expect(retryDelayMs(20)).toBe(6 * 3_600_000);
  });
});
