import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMPTY_TOTALS,
  outcomesFit,
  receptivePercent,
  ShiftFieldsSchema,
  type ShiftForTotals,
  totalsByEvent,
  totalsByMonth,
  totalsOf,
} from "./shift";

const EVENT_A = "11111111-1111-4111-8111-111111111111";
const EVENT_B = "22222222-2222-4222-8222-222222222222";

function shift(over: Partial<ShiftForTotals> = {}): ShiftForTotals {
  return {
    eventId: null,
    monthKey: "2026-11",
    flyers: 100,
    conversations: 20,
    receptive: 8,
    neutral: 7,
    notInterested: 5,
    signUps: 3,
    team: 4,
    ...over,
  };
}

const arbShift = fc
  .record({
    eventId: fc.constantFrom(null, EVENT_A, EVENT_B),
    monthKey: fc.constantFrom("2026-09", "2026-10", "2026-11"),
    flyers: fc.nat(5000),
    conversations: fc.nat(300),
    signUps: fc.nat(30),
    team: fc.integer({ min: 1, max: 12 }),
    split: fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)),
  })
  .map(({ split: [a, b, c], ...s }): ShiftForTotals => {
    // Spread at most `conversations` over the three outcomes.
    const sum = a + b + c || 1;
    const receptive = Math.floor((s.conversations * a) / sum);
    const neutral = Math.floor((s.conversations * b) / sum);
    const notInterested = Math.floor((s.conversations * c) / sum);
    return { ...s, receptive, neutral, notInterested };
  });

describe("outreach totals", () => {
  it("adds every count of every shift", () => {
    const t = totalsOf([shift(), shift({ flyers: 50, signUps: 0 })]);
    expect(t).toEqual({
      shifts: 2,
      flyers: 150,
      conversations: 40,
      receptive: 16,
      neutral: 14,
      notInterested: 10,
      signUps: 3,
      team: 8,
    });
    expect(totalsOf([])).toEqual(EMPTY_TOTALS);
  });

  it("groups by month, newest first, and by linked action only", () => {
    const shifts = [
      shift({ monthKey: "2026-10", eventId: EVENT_A }),
      shift({ monthKey: "2026-11" }),
      shift({ monthKey: "2026-10", eventId: EVENT_A, flyers: 1 }),
    ];
    expect(totalsByMonth(shifts).map((m) => [m.month, m.totals.shifts])).toEqual([
      ["2026-11", 1],
      ["2026-10", 2],
    ]);
    const byEvent = totalsByEvent(shifts);
    expect([...byEvent.keys()]).toEqual([EVENT_A]);
    expect(byEvent.get(EVENT_A)?.flyers).toBe(101);
  });

  it("gives the receptive share in whole percent, 0 without conversations", () => {
    expect(receptivePercent(shift())).toBe(40);
    expect(receptivePercent({ ...shift(), conversations: 0, receptive: 0 })).toBe(0);
    expect(receptivePercent({ ...shift(), conversations: 3, receptive: 2 })).toBe(67);
  });

  it("property: month totals and the overall total agree, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(arbShift, { maxLength: 40 }), (shifts) => {
        const all = totalsOf(shifts);
        const months = totalsByMonth(shifts);
        expect(totalsOf([...shifts].reverse())).toEqual(all);
        expect(months.reduce((n, m) => n + m.totals.shifts, 0)).toBe(shifts.length);
        expect(months.reduce((n, m) => n + m.totals.flyers, 0)).toBe(all.flyers);
        const linked = [...totalsByEvent(shifts).values()];
        expect(linked.reduce((n, t) => n + t.conversations, 0)).toBe(
          shifts.filter((s) => s.eventId).reduce((n, s) => n + s.conversations, 0),
        );
        // Outcomes that fit each shift still fit the sum.
        expect(outcomesFit(all)).toBe(true);
        expect(receptivePercent(all)).toBeGreaterThanOrEqual(0);
        expect(receptivePercent(all)).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("shift input", () => {
  const valid = {
    kind: "flyering",
    area: "Mercado de la calle 5",
    date: "2026-11-28",
    startTime: "10:00",
    endTime: "12:30",
    timeZone: "America/Los_Angeles",
    flyers: 200,
    conversations: 12,
    receptive: 6,
    neutral: 4,
    notInterested: 2,
  };

  it("accepts a shift and fills defaults", () => {
    const r = ShiftFieldsSchema.safeParse(valid);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.team).toEqual([]);
      expect(r.data.eventId).toBeNull();
      expect(r.data.notes).toBeNull();
    }
  });

  it("refuses outcomes that add up to more than the conversations", () => {
    const r = ShiftFieldsSchema.safeParse({ ...valid, notInterested: 3 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("outcomes_exceed");
  });

  it("refuses an end before the start, negative or fractional counts, a huge area", () => {
    const bad = [
      { endTime: "09:00" },
      { endTime: "10:00" },
      { date: "2026-02-30" },
      { timeZone: "Mars/Olympus" },
      { timeZone: "+02:00" },
      { flyers: -1 },
      { flyers: 2.5 },
      { flyers: "12" },
      { area: "x".repeat(10_000) },
      { area: "   " },
      { kind: "protest" },
      { startTime: "mañana" },
      { startTime: "25:00" },
      { eventId: "not-a-uuid" },
    ];
    for (const patch of bad) {
      expect(
        ShiftFieldsSchema.safeParse({ ...valid, ...patch }).success,
        JSON.stringify(patch),
      ).toBe(false);
    }
  });

  it("keeps each team member once", () => {
    const r = ShiftFieldsSchema.parse({ ...valid, team: [EVENT_A, EVENT_A, EVENT_B] });
    expect(r.team).toEqual([EVENT_A, EVENT_B]);
  });
});
