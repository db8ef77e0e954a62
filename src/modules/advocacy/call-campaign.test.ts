import { describe, expect, it } from "vitest";
import { createCipher } from "../../platform/crypto";
import { fieldsFromZod } from "../../platform/errors";
import { dayInZone, daysEnding } from "../../platform/time";
import { CallCampaignFieldsSchema, fillDays, TargetFieldsSchema, telHref } from "./call-campaign";

const CASE = "6f1d3c1e-8a55-4b1e-9c3a-2f4b5d6e7f80";
const campaign = (over: Record<string, unknown> = {}) => ({
  caseId: CASE,
  titleEs: "Llamen al centro",
  titleEn: "Call the facility",
  askEs: "Pidan su liberación.",
  askEn: "Ask for her release.",
  scriptEs: "Hola, llamo por…",
  scriptEn: "Hello, I'm calling about…",
  ...over,
});
const errorsOf = (
  schema: typeof CallCampaignFieldsSchema | typeof TargetFieldsSchema,
  v: unknown,
) => {
  const r = schema.safeParse(v, { reportInput: true });
  return r.success ? {} : fieldsFromZod(r.error);
};

describe("call campaign fields", () => {
  it("needs every text in one language at least, trimmed, within limits", () => {
    expect(CallCampaignFieldsSchema.parse(campaign({ titleEs: "  Llamen  " })).titleEs).toBe(
      "Llamen",
    );
    const spanishOnly = CallCampaignFieldsSchema.parse(
      campaign({ titleEn: "   ", askEn: undefined, scriptEn: "" }),
    );
    expect([spanishOnly.titleEn, spanishOnly.askEn, spanishOnly.scriptEn]).toEqual(["", "", ""]);
    expect(
      errorsOf(CallCampaignFieldsSchema, campaign({ titleEs: "", titleEn: "   ", scriptEs: "" })),
    ).toEqual({ titleEs: "one_language" });
    expect(errorsOf(CallCampaignFieldsSchema, campaign({ askEs: "x".repeat(10_000) }))).toEqual({
      askEs: "too_long",
    });
    expect(errorsOf(CallCampaignFieldsSchema, campaign({ caseId: "not-a-case" }))).toEqual({
      caseId: "case_not_found",
    });
    expect(errorsOf(CallCampaignFieldsSchema, campaign({ kind: "march" }))).toEqual({
      kind: "invalid_choice",
    });
  });

  it("defaults to an open, private call-in", () => {
    const parsed = CallCampaignFieldsSchema.parse(campaign());
    expect([parsed.kind, parsed.open, parsed.public]).toEqual(["call", true, false]);
  });
});

describe("target fields (office data only)", () => {
  it("checks phones and drops repeats", () => {
    const parsed = TargetFieldsSchema.parse({
      name: "Oficina de la Congresista (ejemplo)",
      phones: ["(555) 010-0199", "(555) 010-0199"],
    });
    expect(parsed.phones).toEqual(["(555) 010-0199"]);
    expect(parsed.kind).toBe("office");
    for (const bad of ["abc", "123", "555-010-0199 ext 4", "+1 (555) 010-0199 0000000000"]) {
      expect(errorsOf(TargetFieldsSchema, { name: "Oficina", phones: [bad] }), bad).toEqual({
        "phones.0": "invalid_phone",
      });
    }
  });

  it("has no field for people: unknown keys are simply not kept", () => {
    const parsed = TargetFieldsSchema.parse({ name: "Oficina", officerName: "X" });
    expect(Object.keys(parsed).sort()).toEqual(["address", "hours", "kind", "name", "phones"]);
  });
});

describe("tap-to-call numbers", () => {
  it("keeps digits and a leading +", () => {
    expect(telHref("(555) 010-0101")).toBe("tel:5550100101");
    expect(telHref(" +52 55 0100 0101 ")).toBe("tel:+525501000101");
    expect(telHref("555.010.0101")).toBe("tel:5550100101");
  });
  it("refuses what can't be dialed", () => {
    expect(telHref("javascript:alert(1)")).toBeNull();
    expect(telHref("12")).toBeNull();
    expect(telHref("")).toBeNull();
  });
});

describe("days in the organization's time zone", () => {
  it("counts an evening call in Los Angeles on that day, not the UTC one", () => {
    const lateEvening = new Date("2025-03-08T06:30:00Z"); // 22:30 on March 7 in LA
    expect(dayInZone(lateEvening, "America/Los_Angeles")).toBe("2025-03-07");
    expect(dayInZone(lateEvening, "UTC")).toBe("2025-03-08");
    expect(dayInZone(lateEvening, "America/Mexico_City")).toBe("2025-03-08");
  });

  it("gets the day right around a DST change", () => {
    expect(dayInZone(new Date("2025-03-09T07:59:00Z"), "America/Los_Angeles")).toBe("2025-03-08");
    expect(dayInZone(new Date("2025-03-09T08:01:00Z"), "America/Los_Angeles")).toBe("2025-03-09");
  });

  it("lists the last n days, oldest first, across months and leap days", () => {
    expect(daysEnding("2024-03-02", 4)).toEqual([
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2024-03-02",
    ]);
    expect(daysEnding("2025-01-01", 14)).toHaveLength(14);
    expect(daysEnding("2025-01-01", 14)[0]).toBe("2024-12-19");
  });

  it("fills days without calls with zero", () => {
    expect(fillDays(["2025-03-01", "2025-03-02"], [{ day: "2025-03-02", count: 4 }])).toEqual([
      { day: "2025-03-01", count: 0 },
      { day: "2025-03-02", count: 4 },
    ]);
  });
});

describe("address fingerprints for the rate limit", () => {
  it("are keyed, stable, and don't contain the address", () => {
    const a = createCipher(Buffer.alloc(32, 1));
    const b = createCipher(Buffer.alloc(32, 2));
    const f = a.fingerprint("203.0.113.7", "advocacy:called");
    expect(f).toBe(a.fingerprint("203.0.113.7", "advocacy:called"));
    expect(f).not.toBe(b.fingerprint("203.0.113.7", "advocacy:called"));
    expect(f).not.toBe(a.fingerprint("203.0.113.7", "other"));
    expect(f).not.toContain("203.0.113.7");
  });
});
