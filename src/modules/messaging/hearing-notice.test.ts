import { describe, expect, it } from "vitest";
import { hearingMessageStillTrue } from "./hearing-notice";

describe("hearing messages re-checked at send time", () => {
  const at = "2027-03-04T17:30:00.000Z";
  const there = { at: new Date(at), court: "Sala 2" };
  const hearing = "00000000-0000-4000-8000-000000000001";

  it("a reminder holds while the hearing is still then, whatever its court", () => {
    expect(hearingMessageStillTrue({ hearing, at }, there)).toBe(true);
    expect(hearingMessageStillTrue({ hearing, at }, { ...there, court: "Sala 9" })).toBe(true);
    expect(hearingMessageStillTrue({ hearing, at }, { ...there, at: new Date(0) })).toBe(false);
    expect(hearingMessageStillTrue({ hearing, at }, null)).toBe(false);
  });

  it("a move notice needs the time and the court it announces", () => {
    const moved = { hearing, at, notice: "moved" as const, court: "Sala 2" };
    expect(hearingMessageStillTrue(moved, there)).toBe(true);
    expect(hearingMessageStillTrue(moved, { ...there, court: "Sala 9" })).toBe(false);
    expect(hearingMessageStillTrue({ ...moved, court: null }, { ...there, court: null })).toBe(
      true,
    );
    expect(hearingMessageStillTrue(moved, null)).toBe(false);
  });

  it("a cancellation notice holds only while the hearing stays gone", () => {
    const gone = { hearing, at, notice: "cancelled" as const };
    expect(hearingMessageStillTrue(gone, null)).toBe(true);
    expect(hearingMessageStillTrue(gone, there)).toBe(false);
  });
});
