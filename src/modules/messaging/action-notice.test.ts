import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ActionNow, actionMessageStillTrue } from "./action-notice";
import type { ActionAbout } from "./messaging.schema";

const at = "2026-12-05T02:00:00.000Z";
const about = (notice: ActionAbout["notice"], place: string | null = "Plaza"): ActionAbout => ({
  action: "a",
  notice,
  at,
  place,
});
const now = (over: Partial<ActionNow> = {}): ActionNow => ({
  startsAt: new Date(at),
  place: "Plaza",
  status: "planned",
  going: true,
  ...over,
});

describe("is an action message still true at send time", () => {
  it("a reminder holds only while planned, same time, same place, person going", () => {
    for (const notice of ["confirmation", "day_before", "morning_of", "changed"] as const) {
      expect(actionMessageStillTrue(about(notice), now())).toBe(true);
      expect(actionMessageStillTrue(about(notice), null)).toBe(false);
      expect(actionMessageStillTrue(about(notice), now({ status: "cancelled" }))).toBe(false);
      expect(actionMessageStillTrue(about(notice), now({ going: false }))).toBe(false);
      expect(actionMessageStillTrue(about(notice), now({ place: "Parque" }))).toBe(false);
      expect(actionMessageStillTrue(about(notice, null), now({ place: null }))).toBe(true);
    }
  });

  it("a cancellation notice holds while the action stays cancelled", () => {
    expect(actionMessageStillTrue(about("cancelled"), now({ status: "cancelled" }))).toBe(true);
    expect(actionMessageStillTrue(about("cancelled"), now({ status: "planned" }))).toBe(false);
  });

  it("any other start time cancels a reminder (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (shift) => {
        const moved = now({ startsAt: new Date(Date.parse(at) + shift) });
        expect(actionMessageStillTrue(about("day_before"), moved)).toBe(shift === 0);
      }),
    );
  });
});
