import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countWithin,
  type EngagementLevel,
  leadCandidates,
  type Member,
  neverLed,
  type RoleHeld,
  rank,
  suggestEngagement,
} from "./leadership";

const LEVELS: EngagementLevel[] = ["contact", "supporter", "active", "core", "leader"];
const member = (id: string, displayName: string, engagementLevel: EngagementLevel): Member => ({
  id,
  displayName,
  engagementLevel,
});

describe("suggested engagement", () => {
  it("suggests active after three actions in 90 days", () => {
    expect(
      suggestEngagement({ current: "supporter", attendedInWindow: 3, ledInWindow: false }),
    ).toBe("active");
    expect(suggestEngagement({ current: "contact", attendedInWindow: 2, ledInWindow: false })).toBe(
      "supporter",
    );
    expect(suggestEngagement({ current: "active", attendedInWindow: 6, ledInWindow: true })).toBe(
      "core",
    );
    expect(
      suggestEngagement({ current: "active", attendedInWindow: 6, ledInWindow: false }),
    ).toBeNull();
  });

  it("suggests nothing for someone already there or beyond", () => {
    expect(
      suggestEngagement({ current: "active", attendedInWindow: 3, ledInWindow: false }),
    ).toBeNull();
    expect(
      suggestEngagement({ current: "leader", attendedInWindow: 0, ledInWindow: false }),
    ).toBeNull();
  });

  it("property: only ever a step up, never to leader, and more participation never suggests less", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVELS),
        fc.nat(40),
        fc.nat(10),
        fc.boolean(),
        (current, attended, more, led) => {
          const s = suggestEngagement({ current, attendedInWindow: attended, ledInWindow: led });
          if (s !== null) {
            expect(rank(s)).toBeGreaterThan(rank(current));
            expect(s).not.toBe("leader");
          }
          const after = suggestEngagement({
            current,
            attendedInWindow: attended + more,
            ledInWindow: led,
          });
          expect(rank(after ?? current)).toBeGreaterThanOrEqual(rank(s ?? current));
        },
      ),
    );
  });

  it("counts instants within the window", () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    expect(countWithin([days(1), days(89), days(90), days(91), days(-1)], now, 90)).toBe(2);
  });
});

describe("never led and lead candidates", () => {
  const people = [
    member("a", "Ana Prueba", "active"),
    member("b", "Beto Ejemplo", "core"),
    member("c", "Carla Demo", "supporter"),
    member("d", "Dani Ficticio", "active"),
    member("e", "Eva Inventada", "core"),
  ];
  const roles: RoleHeld[] = [
    { personId: "a", role: "marshal", eventId: "1" },
    { personId: "b", role: "deputy", eventId: "1" },
    { personId: "b", role: "deputy", eventId: "2" },
    { personId: "d", role: "deputy", eventId: "2" },
    { personId: "e", role: "lead", eventId: "2" },
    { personId: "e", role: "deputy", eventId: "1" },
  ];

  it("lists active and core members who never held lead or deputy", () => {
    expect(neverLed(people, roles).map((p) => p.id)).toEqual(["a"]);
    expect(neverLed(people, []).map((p) => p.id)).toEqual(["a", "b", "d", "e"]);
  });

  it("suggests deputies who never led, most deputy turns first", () => {
    expect(leadCandidates(people, roles).map((p) => [p.id, p.deputyTurns])).toEqual([
      ["b", 2],
      ["d", 1],
    ]);
  });

  it("property: never-led and lead candidates never include someone who led", () => {
    const arbRole = fc.record({
      personId: fc.constantFrom("a", "b", "c", "d", "e"),
      role: fc.constantFrom("lead", "deputy", "marshal", "medic"),
      eventId: fc.constantFrom("1", "2", "3"),
    });
    fc.assert(
      fc.property(fc.array(arbRole, { maxLength: 20 }), (rs) => {
        const led = new Set<string>(rs.filter((r) => r.role === "lead").map((r) => r.personId));
        const leadOrDeputy = new Set<string>(
          rs.filter((r) => r.role === "lead" || r.role === "deputy").map((r) => r.personId),
        );
        for (const p of neverLed(people, rs)) {
          expect(leadOrDeputy.has(p.id)).toBe(false);
          expect(["active", "core"]).toContain(p.engagementLevel);
        }
        for (const p of leadCandidates(people, rs)) {
          expect(led.has(p.id)).toBe(false);
          expect(p.deputyTurns).toBeGreaterThan(0);
        }
      }),
    );
  });
});
