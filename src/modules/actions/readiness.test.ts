import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ATTENDANCE_STATUSES } from "./action";
import { type PlanForReadiness, readiness } from "./readiness";

const ready: PlanForReadiness = {
  expectedTurnout: 30,
  peoplePerMarshal: 15,
  roles: [
    { personId: "ana", role: "lead" },
    { personId: "ana", role: "marshal" },
    { personId: "beto", role: "marshal" },
  ],
  materials: [{ id: "m1", item: "Megáfono", bringerPersonId: "beto" }],
  chants: [{ id: "c1", leaderPersonId: "ana" }],
  steps: [{ id: "s1", at: new Date("2026-12-05T18:00:00Z") }],
  attendees: [
    { personId: "ana", status: "going", organizer: true },
    { personId: "beto", status: "attended", organizer: true },
    { personId: "caro", status: "going", organizer: false },
    { personId: "dani", status: "declined", organizer: true },
  ],
  pairs: [{ organizerPersonId: "ana", newcomerPersonId: "caro" }],
  openLessons: [],
};

const codes = (plan: PlanForReadiness) => readiness(plan).missing.map((m) => m.code);

describe("readiness", () => {
  it("a complete plan is ready", () => {
    expect(readiness(ready)).toEqual({ ready: true, missing: [] });
  });

  it("an empty plan misses a lead and a first step", () => {
    const empty: PlanForReadiness = {
      expectedTurnout: null,
      peoplePerMarshal: 15,
      roles: [],
      materials: [],
      chants: [],
      steps: [],
      attendees: [],
      pairs: [],
      openLessons: [],
    };
    expect(codes(empty)).toEqual(["no_lead", "no_first_step"]);
  });

  it("names each gap with what is needed to fix it", () => {
    const plan: PlanForReadiness = {
      ...ready,
      expectedTurnout: 46,
      roles: ready.roles.filter((r) => r.role !== "lead"),
      materials: [...ready.materials, { id: "m2", item: "Pancarta", bringerPersonId: null }],
      chants: [{ id: "c1", leaderPersonId: null }],
      steps: [],
      attendees: [
        ...ready.attendees,
        { personId: "eva", status: "maybe", organizer: true },
        { personId: "fer", status: "going", organizer: false },
      ],
      openLessons: [{ id: "l1", text: "Traer los dos megáfonos" }],
    };
    expect(readiness(plan)).toEqual({
      ready: false,
      missing: [
        { code: "no_lead" },
        { code: "role_missing", personId: "eva" },
        { code: "material_unassigned", materialId: "m2", item: "Pancarta" },
        { code: "marshals_short", needed: 4, have: 2 },
        { code: "chant_leader_missing", chantId: "c1" },
        { code: "no_first_step" },
        { code: "newcomer_unpaired", personId: "fer" },
        { code: "open_lesson", lessonId: "l1", text: "Traer los dos megáfonos" },
      ],
    });
  });

  it("people who declined need neither a role nor a pair", () => {
    const plan = {
      ...ready,
      attendees: [
        ...ready.attendees,
        { personId: "gil", status: "declined" as const, organizer: false },
      ],
    };
    expect(readiness(plan).ready).toBe(true);
  });

  it("the marshal ratio is a setting", () => {
    expect(codes({ ...ready, peoplePerMarshal: 10 })).toEqual(["marshals_short"]);
    expect(codes({ ...ready, peoplePerMarshal: 30 })).toEqual([]);
  });

  it("one person holding marshal twice counts once", () => {
    const plan = {
      ...ready,
      roles: [...ready.roles, { personId: "beto", role: "marshal" as const }],
    };
    expect(codes({ ...plan, expectedTurnout: 31 })).toEqual(["marshals_short"]);
  });
});

const person = fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6");
const planArb: fc.Arbitrary<PlanForReadiness> = fc.record({
  expectedTurnout: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  peoplePerMarshal: fc.integer({ min: 1, max: 50 }),
  roles: fc.array(
    fc.record({
      personId: person,
      role: fc.constantFrom("lead", "marshal", "medic") as fc.Arbitrary<
        "lead" | "marshal" | "medic"
      >,
    }),
  ),
  materials: fc.array(
    fc.record({
      id: fc.uuid(),
      item: fc.string(),
      bringerPersonId: fc.option(person, { nil: null }),
    }),
  ),
  chants: fc.array(fc.record({ id: fc.uuid(), leaderPersonId: fc.option(person, { nil: null }) })),
  steps: fc.array(fc.record({ id: fc.uuid(), at: fc.date({ noInvalidDate: true }) })),
  attendees: fc.uniqueArray(
    fc.record({
      personId: person,
      status: fc.constantFrom(...ATTENDANCE_STATUSES),
      organizer: fc.boolean(),
    }),
    { selector: (a) => a.personId },
  ),
  pairs: fc.array(fc.record({ organizerPersonId: person, newcomerPersonId: person })),
  openLessons: fc.array(fc.record({ id: fc.uuid(), text: fc.string() })),
});

describe("readiness properties", () => {
  it("ready exactly when nothing is missing, and every open lesson is listed once", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const result = readiness(plan);
        expect(result.ready).toBe(result.missing.length === 0);
        expect(result.missing.filter((m) => m.code === "open_lesson")).toHaveLength(
          plan.openLessons.length,
        );
        expect(result.missing.filter((m) => m.code === "material_unassigned")).toHaveLength(
          plan.materials.filter((m) => m.bringerPersonId === null).length,
        );
      }),
    );
  });

  it("adding a lead, a step and bringers never adds a gap", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const before = readiness(plan).missing.length;
        const fixed: PlanForReadiness = {
          ...plan,
          roles: [...plan.roles, { personId: "p1", role: "lead" }],
          steps: [...plan.steps, { id: "first", at: new Date(0) }],
          materials: plan.materials.map((m) => ({
            ...m,
            bringerPersonId: m.bringerPersonId ?? "p1",
          })),
        };
        expect(readiness(fixed).missing.length).toBeLessThanOrEqual(before);
        const fixedCodes = readiness(fixed).missing.map((m) => m.code);
        expect(fixedCodes).not.toContain("no_lead");
        expect(fixedCodes).not.toContain("no_first_step");
        expect(fixedCodes).not.toContain("material_unassigned");
      }),
    );
  });
});
