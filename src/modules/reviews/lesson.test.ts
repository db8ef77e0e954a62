import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADOPTIONS_TO_CLOSE,
  adoptionCount,
  applyUse,
  canClose,
  close,
  isPendingFor,
  LESSON_USES,
  type LessonState,
  type LessonUse,
  quantityHint,
} from "./lesson";

const fresh: LessonState = { status: "open", uses: [] };
const ev = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function run(uses: LessonUse[]): LessonState {
  return uses.reduce((s, u) => {
    const r = applyUse(s, u);
    if (!r.ok) throw new Error(r.reason);
    return r.state;
  }, fresh);
}

describe("lesson lifecycle", () => {
  it("is pending in every plan until handled there", () => {
    const s = run([{ eventId: ev(1), how: "acknowledged" }]);
    expect(s.status).toBe("open");
    expect(isPendingFor(s, ev(1))).toBe(false);
    expect(isPendingFor(s, ev(2))).toBe(true);
  });

  it("becomes adopted when turned into a material, role or step", () => {
    expect(run([{ eventId: ev(1), how: "material" }]).status).toBe("adopted");
    expect(run([{ eventId: ev(1), how: "role" }]).status).toBe("adopted");
    expect(run([{ eventId: ev(1), how: "step" }]).status).toBe("adopted");
  });

  it("is handled once per plan", () => {
    const s = run([{ eventId: ev(1), how: "acknowledged" }]);
    expect(applyUse(s, { eventId: ev(1), how: "material" })).toEqual({
      ok: false,
      reason: "lesson_already_handled",
    });
  });

  it("can be closed only after three adoptions, and then leaves every plan", () => {
    const two = run([
      { eventId: ev(1), how: "material" },
      { eventId: ev(2), how: "acknowledged" },
      { eventId: ev(3), how: "role" },
    ]);
    expect(adoptionCount(two.uses)).toBe(2);
    expect(canClose(two)).toBe(false);
    expect(close(two)).toEqual({ ok: false, reason: "lesson_not_adopted_enough" });
    const three = run([...two.uses, { eventId: ev(4), how: "step" }]);
    expect(canClose(three)).toBe(true);
    const closed = close(three);
    expect(closed.ok).toBe(true);
    if (!closed.ok) return;
    expect(closed.state.status).toBe("closed");
    expect(isPendingFor(closed.state, ev(9))).toBe(false);
    expect(applyUse(closed.state, { eventId: ev(9), how: "acknowledged" })).toEqual({
      ok: false,
      reason: "lesson_closed",
    });
    expect(close(closed.state)).toEqual({ ok: false, reason: "lesson_closed" });
  });

  it("property: any sequence of uses keeps the invariants", () => {
    const use = fc.record({
      eventId: fc.integer({ min: 1, max: 6 }).map(ev),
      how: fc.constantFrom(...LESSON_USES),
    });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(use, fc.constant("close" as const)), { maxLength: 25 }),
        (steps) => {
          let s = fresh;
          for (const step of steps) {
            const r = step === "close" ? close(s) : applyUse(s, step);
            if (r.ok) s = r.state;
          }
          // Each plan handles a lesson at most once.
          const events = s.uses.map((u) => u.eventId);
          expect(new Set(events).size).toBe(events.length);
          // Status follows the uses, and only three adoptions allow closing.
          if (s.status === "closed")
            expect(adoptionCount(s.uses)).toBeGreaterThanOrEqual(ADOPTIONS_TO_CLOSE);
          else expect(s.status).toBe(adoptionCount(s.uses) > 0 ? "adopted" : "open");
          expect(adoptionCount(s.uses)).toBeLessThanOrEqual(s.uses.length);
        },
      ),
    );
  });
});

describe("quantity hint", () => {
  it("reads numbers and number words in both languages", () => {
    expect(quantityHint("Bring both megaphones")).toBe(2);
    expect(quantityHint("Traer los dos megáfonos")).toBe(2);
    expect(quantityHint("Imprimir 300 volantes más")).toBe(300);
    expect(quantityHint("three first-aid kits")).toBe(3);
    expect(quantityHint("Llegar temprano")).toBe(1);
    expect(quantityHint("0 sillas")).toBe(1);
  });
});
