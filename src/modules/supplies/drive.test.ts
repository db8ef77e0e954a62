import { describe, expect, it } from "vitest";
import {
  acceptsPledges,
  compareNeeds,
  DriveFieldsSchema,
  methodFits,
  NeedFieldsSchema,
  quantityFor,
} from "./drive";
import { checkHours, formatHours } from "./hours";

describe("drive fields", () => {
  it("takes a slug and a Spanish title; English falls back to empty", () => {
    const d = DriveFieldsSchema.parse({
      slug: " Ropa-Invierno ",
      title: { es: "Ropa de invierno" },
    });
    expect(d).toMatchObject({
      slug: "ropa-invierno",
      title: { es: "Ropa de invierno", en: "" },
      public: false,
      open: true,
      startsOn: null,
    });
  });

  it("refuses bad slugs, empty and huge titles, impossible dates and ends before starts", () => {
    const r = DriveFieldsSchema.safeParse({
      slug: "no slug!",
      title: { es: "   ", en: "x".repeat(10_000) },
      startsOn: "2026-02-30",
    });
    expect(r.success).toBe(false);
    const messages = r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "slug:invalid_slug",
        "title.es:required",
        "title.en:too_long",
        "startsOn:invalid_date",
      ]),
    );
    const order = DriveFieldsSchema.safeParse({
      slug: "abc",
      title: { es: "A" },
      startsOn: "2026-03-02",
      endsOn: "2026-03-01",
    });
    expect(order.error?.issues[0]).toMatchObject({
      path: ["endsOn"],
      message: "ends_before_start",
    });
  });

  it("takes pledges while open and until its last day", () => {
    expect(acceptsPledges({ open: true, endsOn: "2026-12-01" }, "2026-12-01")).toBe(true);
    expect(acceptsPledges({ open: true, endsOn: "2026-12-01" }, "2026-12-02")).toBe(false);
    expect(acceptsPledges({ open: false, endsOn: null }, "2026-12-01")).toBe(false);
  });
});

describe("need fields", () => {
  it("refuses a 10,000-character item name and fractions of a counted unit", () => {
    const r = NeedFieldsSchema.safeParse({ item: { es: "x".repeat(10_000) }, quantity: 2 });
    expect(r.error?.issues[0]).toMatchObject({ path: ["item", "es"], message: "too_long" });
    expect(quantityFor(1.5, "piece")).toEqual({ ok: false, error: "quantity_fraction" });
    expect(quantityFor(-1, "piece")).toEqual({ ok: false, error: "quantity_not_positive" });
    expect(quantityFor("2,5", "kg")).toEqual({ ok: true, value: 2500 });
  });

  it("lists urgent needs first, then the soonest needed-by date", () => {
    const needs = [
      { id: "a", urgent: false, neededBy: null, position: 0 },
      { id: "b", urgent: false, neededBy: "2026-12-01", position: 1 },
      { id: "c", urgent: true, neededBy: null, position: 2 },
      { id: "d", urgent: true, neededBy: "2026-12-05", position: 3 },
    ];
    expect([...needs].sort(compareNeeds).map((n) => n.id)).toEqual(["d", "c", "b", "a"]);
  });

  it("matches a movement's method to its kind", () => {
    expect(methodFits("delivered", "shipped")).toBe(true);
    expect(methodFits("discarded", "expired")).toBe(true);
    expect(methodFits("received", "pickup")).toBe(false);
    expect(methodFits("delivered", "damaged")).toBe(false);
  });
});

describe("receiving hours", () => {
  it("groups consecutive days with the same hours, in each language", () => {
    const week = [1, 2, 3, 4, 5].map((day) => ({ day, opens: "9:00", closes: "17:00" }));
    const r = checkHours([...week, { day: 6, opens: "10:00", closes: "14:30" }]);
    if (!r.ok) throw new Error(r.problem);
    expect(formatHours(r.hours, "es")).toEqual(["lun–vie 9:00–17:00", "sáb 10:00–14:30"]);
    expect(formatHours(r.hours, "en")).toEqual(["Mon–Fri 9 am–5 pm", "Sat 10 am–2:30 pm"]);
  });

  it("refuses closing before opening and times that don't exist", () => {
    expect(checkHours([{ day: 1, opens: "17:00", closes: "09:00" }])).toEqual({
      ok: false,
      problem: "closes_before_opens",
    });
    expect(checkHours([{ day: 1, opens: "25:00", closes: "26:00" }])).toEqual({
      ok: false,
      problem: "invalid_time",
    });
    expect(checkHours([{ day: 8, opens: "09:00", closes: "10:00" }])).toEqual({
      ok: false,
      problem: "invalid_day",
    });
  });
});
