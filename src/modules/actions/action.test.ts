import { describe, expect, it } from "vitest";
import { canMoveStatus, marshalsNeeded, SLUG_PATTERN, slugify } from "./action";

describe("action vocabulary", () => {
  it("needs one marshal per N expected people, rounded up", () => {
    expect(marshalsNeeded(null, 15)).toBe(0);
    expect(marshalsNeeded(15, 15)).toBe(1);
    expect(marshalsNeeded(16, 15)).toBe(2);
    expect(marshalsNeeded(100, 0)).toBe(100);
  });

  it("makes URL-safe slugs from Spanish titles", () => {
    expect(slugify("¡Vigilia por Ana Pérez — jueves!")).toBe("vigilia-por-ana-perez-jueves");
    expect(SLUG_PATTERN.test(slugify("  Marcha   de año nuevo  "))).toBe(true);
    expect(slugify("<b>")).toBe("b");
  });

  it("moves status along the plan and back from a slip", () => {
    expect(canMoveStatus("planned", "done")).toBe(true);
    expect(canMoveStatus("done", "planned")).toBe(true);
    expect(canMoveStatus("done", "cancelled")).toBe(false);
  });
});
