// Pure domain: growing leaders. No I/O.
//
// Every member is meant to grow into a leader, so the app points at who has never led, who
// is ready to lead next, and when someone's participation suggests a new engagement level.
// Suggestions only: an organizer confirms each change (nothing changes silently).

export type EngagementLevel = "contact" | "supporter" | "active" | "core" | "leader";
const ORDER: readonly EngagementLevel[] = ["contact", "supporter", "active", "core", "leader"];

/** Roles that count as having led an action. */
export const LEADING_ROLES = ["lead", "deputy"] as const;

export type RoleHeld = { personId: string; role: string; eventId: string };
export type Member = { id: string; displayName: string; engagementLevel: EngagementLevel };

export const SUGGESTION_RULES = {
  windowDays: 90,
  /** Attended at least this many actions in the window -> at least "active". */
  activeAfter: 3,
  /** ... this many and held lead or deputy in the window -> at least "core". */
  coreAfter: 6,
  /** Came to at least one -> at least "supporter". */
  supporterAfter: 1,
};

export function rank(level: EngagementLevel): number {
  return ORDER.indexOf(level);
}

/**
 * The level participation suggests, or null when it suggests nothing new. Only ever a step
 * up, and never "leader": leadership is elected, not computed.
 */
export function suggestEngagement(input: {
  current: EngagementLevel;
  attendedInWindow: number;
  ledInWindow: boolean;
}): EngagementLevel | null {
  const r = SUGGESTION_RULES;
  const earned: EngagementLevel =
    input.attendedInWindow >= r.coreAfter && input.ledInWindow
      ? "core"
      : input.attendedInWindow >= r.activeAfter
        ? "active"
        : input.attendedInWindow >= r.supporterAfter
          ? "supporter"
          : "contact";
  return rank(earned) > rank(input.current) ? earned : null;
}

/** Instants within the last `days` days before `now` (durations, not calendar days). */
export function countWithin(instants: readonly Date[], now: Date, days: number): number {
  const from = now.getTime() - days * 86_400_000;
  return instants.filter((d) => d.getTime() > from && d.getTime() <= now.getTime()).length;
}

function rolesByPerson(roles: readonly RoleHeld[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const r of roles) {
    const set = map.get(r.personId) ?? new Set<string>();
    set.add(r.role);
    map.set(r.personId, set);
  }
  return map;
}

/** Active and core members who have never held lead or deputy, by name. */
export function neverLed<M extends Member>(members: readonly M[], roles: readonly RoleHeld[]): M[] {
  const held = rolesByPerson(roles);
  return members
    .filter((m) => m.engagementLevel === "active" || m.engagementLevel === "core")
    .filter((m) => !LEADING_ROLES.some((role) => held.get(m.id)?.has(role)))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * For choosing a lead: people who have been deputy but never lead, those with the most
 * deputy turns first (then by name).
 */
export function leadCandidates<M extends Omit<Member, "engagementLevel">>(
  people: readonly M[],
  roles: readonly RoleHeld[],
): (M & { deputyTurns: number })[] {
  const leads = new Set(roles.filter((r) => r.role === "lead").map((r) => r.personId));
  const deputyEvents = new Map<string, Set<string>>();
  for (const r of roles) {
    if (r.role !== "deputy" || leads.has(r.personId)) continue;
    const set = deputyEvents.get(r.personId) ?? new Set<string>();
    set.add(r.eventId);
    deputyEvents.set(r.personId, set);
  }
  return people
    .filter((p) => deputyEvents.has(p.id))
    .map((p) => ({ ...p, deputyTurns: deputyEvents.get(p.id)?.size ?? 0 }))
    .sort((a, b) => b.deputyTurns - a.deputyTurns || a.displayName.localeCompare(b.displayName));
}
