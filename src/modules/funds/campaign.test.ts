import { describe, expect, it } from "vitest";
import { fieldsFromZod } from "../../platform/errors";
import { cents } from "../../platform/money";
import { amountProblem, CampaignFieldsSchema, progress } from "./campaign";
import { approvalProblem } from "./disbursements/disbursement";

const base = { slug: "fondo-rosa", title: { es: "Fondo", en: "Fund" }, goalCents: 100_000 };
const errors = (input: object) => {
  const r = CampaignFieldsSchema.safeParse(input, { reportInput: true });
  return r.success ? {} : fieldsFromZod(r.error);
};

describe("campaign fields", () => {
  it("accepts a minimal campaign with defaults", () => {
    expect(CampaignFieldsSchema.parse(base)).toMatchObject({
      currency: "USD",
      milestonesCents: [],
      caseId: null,
      open: true,
      public: false,
      story: { es: null, en: null },
    });
  });

  it.each([
    [{ slug: "A b" }, { slug: "invalid_slug" }],
    [{ slug: "ab" }, { slug: "invalid_slug" }],
    [{ title: { es: " ", en: "  " } }, { "title.es": "one_language" }],
    [{ goalCents: 0 }, { goalCents: "amount_not_positive" }],
    [{ goalCents: 10.5 }, { goalCents: "amount_fractional" }],
    [{ goalCents: "mil" }, { goalCents: "amount_not_a_number" }],
    [{ goalCents: 1e13 }, { goalCents: "amount_too_large" }],
    [{ currency: "BTC" }, { currency: "invalid_choice" }],
    [{ milestonesCents: [50_000, 20_000] }, { milestonesCents: "milestones_invalid" }],
    [{ milestonesCents: [100_000] }, { milestonesCents: "milestones_invalid" }],
    [{ milestonesCents: [-1] }, { milestonesCents: "amount_not_positive" }],
  ])("refuses %o", (patch, expected) => {
    expect(errors({ ...base, ...patch })).toEqual(expected);
  });

  it("takes a title in one language alone: the other falls back", () => {
    expect(errors({ ...base, title: { es: " ", en: "Fund" } })).toEqual({});
    expect(errors({ ...base, title: { es: "Fondo", en: "" } })).toEqual({});
  });

  it("knows each currency's largest amount", () => {
    expect(amountProblem(10_000_000_000, "USD")).toBeNull();
    expect(amountProblem(10_000_000_001, "USD")).toBe("amount_too_large");
    expect(amountProblem(100_000_001, "JPY")).toBe("amount_too_large");
  });
});

describe("progress", () => {
  const goal = cents(1_000_000);
  const milestones = [cents(100_000), cents(500_000)];
  it("points at the next milestone, then the goal, and caps the bar", () => {
    expect(progress(cents(40_000), goal, milestones)).toEqual({
      percent: 4,
      next: { target: 100_000, toGo: 60_000, isGoal: false },
    });
    expect(progress(cents(600_000), goal, milestones).next).toEqual({
      target: 1_000_000,
      toGo: 400_000,
      isGoal: true,
    });
    expect(progress(cents(1_500_000), goal, milestones)).toEqual({ percent: 100, next: null });
  });
});

describe("approval rule", () => {
  const d = { status: "requested" as const, amountCents: 50_001, requestedBy: "ana" };
  it("needs a second person strictly above the threshold", () => {
    expect(approvalProblem(d, "ana", 50_000)).toBe("self_approval");
    expect(approvalProblem(d, "beto", 50_000)).toBeNull();
    expect(approvalProblem({ ...d, amountCents: 50_000 }, "ana", 50_000)).toBeNull();
    expect(approvalProblem(d, null, 50_000)).toBe("self_approval");
    expect(approvalProblem({ ...d, status: "paid" }, "beto", 50_000)).toBe("wrong_status");
  });
});
