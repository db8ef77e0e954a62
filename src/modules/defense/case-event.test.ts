import { describe, expect, it } from "vitest";
import { cents } from "../../platform/money";
import {
  type CaseEventInput,
  CaseEventInputSchema,
  type CaseState,
  effectOfEvent,
  nextHearing,
  onlyKindFields,
} from "./case-event";

const FAC_A = "00000000-0000-4000-8000-00000000000a";
const FAC_B = "00000000-0000-4000-8000-00000000000b";
const at = (iso: string) => new Date(iso);
const event = (input: Record<string, unknown>): CaseEventInput =>
  CaseEventInputSchema.parse({ occurredAt: at("2025-03-01T17:00:00Z"), ...input });
const open: CaseState = {
  status: "open",
  facilityId: null,
  detainedOn: null,
  bondCents: null,
  bondCurrency: "USD",
};
const fresh = { latestStatusAt: null, latestFacilityAt: null, localDate: "2025-03-01" };

describe("effectOfEvent", () => {
  it("a detention sets the status, the facility and the date detained", () => {
    expect(effectOfEvent(open, event({ kind: "detained", facilityId: FAC_A }), fresh)).toEqual({
      status: "detained",
      facilityId: FAC_A,
      detainedOn: "2025-03-01",
    });
  });

  it("a transfer moves the case to the new facility", () => {
    const state = { ...open, status: "detained" as const, facilityId: FAC_A };
    const e = event({ kind: "transferred", fromFacilityId: FAC_A, facilityId: FAC_B });
    expect(effectOfEvent(state, e, fresh)).toEqual({ facilityId: FAC_B });
  });

  it("release and removal set the status", () => {
    const state = { ...open, status: "detained" as const };
    expect(effectOfEvent(state, event({ kind: "released" }), fresh)).toEqual({
      status: "released",
    });
    expect(effectOfEvent(state, event({ kind: "removed" }), fresh)).toEqual({ status: "removed" });
  });

  it("a backdated event does not override a later one", () => {
    const state = { ...open, status: "released" as const, facilityId: FAC_B };
    const later = { ...fresh, latestStatusAt: at("2025-04-01T00:00:00Z") };
    const laterFacility = { ...later, latestFacilityAt: at("2025-04-01T00:00:00Z") };
    expect(
      effectOfEvent(state, event({ kind: "detained", facilityId: FAC_A }), laterFacility),
    ).toEqual({ detainedOn: "2025-03-01" });
    expect(
      effectOfEvent(state, event({ kind: "transferred", facilityId: FAC_A }), laterFacility),
    ).toEqual({});
  });

  it("setting a bond records its amount on the case", () => {
    const e = event({ kind: "bond_set", amountCents: 750000, currency: "USD" });
    expect(effectOfEvent(open, e, fresh)).toEqual({
      bondCents: cents(750000),
      bondCurrency: "USD",
    });
  });

  it("notes and hearings change nothing on the case", () => {
    expect(effectOfEvent(open, event({ kind: "note", note: "Llamó la abogada" }), fresh)).toEqual(
      {},
    );
    expect(effectOfEvent(open, event({ kind: "hearing_scheduled" }), fresh)).toEqual({});
  });
});

describe("event input", () => {
  it("needs a destination for a transfer, an amount for a bond, text for a note", () => {
    const problems = (input: Record<string, unknown>) => {
      const r = CaseEventInputSchema.safeParse({ occurredAt: new Date(), ...input });
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(problems({ kind: "transferred" })).toEqual([["facilityId", "required"]]);
    expect(problems({ kind: "transferred", facilityId: FAC_A, fromFacilityId: FAC_A })).toEqual([
      ["facilityId", "invalid_choice"],
    ]);
    expect(problems({ kind: "bond_set" })).toEqual([["amountCents", "required"]]);
    expect(problems({ kind: "note" })).toEqual([["note", "required"]]);
    expect(problems({ kind: "note", note: "   " })).toEqual([["note", "required"]]);
    expect(problems({ kind: "bond_set", amountCents: 1.5 })).toEqual([
      ["amountCents", "invalid_amount"],
    ]);
    expect(problems({ kind: "escaped" })).toEqual([["kind", "invalid_choice"]]);
  });

  it("drops the fields that don't belong to the kind", () => {
    const e = onlyKindFields(
      event({ kind: "released", facilityId: FAC_A, court: "x", amountCents: 5 }),
    );
    expect([e.facilityId, e.court, e.amountCents, e.currency]).toEqual([null, null, null, null]);
  });
});

describe("nextHearing", () => {
  it("is the earliest scheduled hearing not yet past", () => {
    const now = at("2025-03-10T00:00:00Z");
    const events = [
      { kind: "hearing_scheduled" as const, occurredAt: at("2025-03-01T17:00:00Z") },
      { kind: "hearing_scheduled" as const, occurredAt: at("2025-04-01T17:00:00Z") },
      { kind: "hearing_scheduled" as const, occurredAt: at("2025-03-20T17:00:00Z") },
      { kind: "note" as const, occurredAt: at("2025-03-15T17:00:00Z") },
    ];
    expect(nextHearing(events, now)?.occurredAt.toISOString()).toBe("2025-03-20T17:00:00.000Z");
    expect(nextHearing(events, at("2025-05-01T00:00:00Z"))).toBeNull();
  });
});
