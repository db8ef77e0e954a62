import type { AttendanceStatus, RoleKind } from "./action";
import { isComing, marshalsNeeded } from "./action";

// Readiness: what is still missing from a plan before the day. Pure: the caller loads
// the plan (and the open lessons, which come from the reviews module) and passes it in.
// Codes are stable: the API returns them and pages map each to a message and a fix link.

export type PlanForReadiness = {
  expectedTurnout: number | null;
  peoplePerMarshal: number;
  roles: readonly { personId: string; role: RoleKind }[];
  materials: readonly { id: string; item: string; bringerPersonId: string | null }[];
  chants: readonly { id: string; leaderPersonId: string | null }[];
  steps: readonly { id: string; at: Date }[];
  /** Everyone with an attendance row; `organizer` comes from their engagement level. */
  attendees: readonly { personId: string; status: AttendanceStatus; organizer: boolean }[];
  pairs: readonly { organizerPersonId: string; newcomerPersonId: string }[];
  /** Lessons from earlier reviews of the same kind, not yet acknowledged on this plan. */
  openLessons: readonly { id: string; text: string }[];
};

export type Missing =
  | { code: "no_lead" }
  | { code: "role_missing"; personId: string }
  | { code: "material_unassigned"; materialId: string; item: string }
  | { code: "marshals_short"; needed: number; have: number }
  | { code: "chant_leader_missing"; chantId: string }
  | { code: "no_first_step" }
  | { code: "newcomer_unpaired"; personId: string }
  | { code: "open_lesson"; lessonId: string; text: string };

export type MissingCode = Missing["code"];
export const MISSING_CODES: readonly MissingCode[] = [
  "no_lead",
  "role_missing",
  "material_unassigned",
  "marshals_short",
  "chant_leader_missing",
  "no_first_step",
  "newcomer_unpaired",
  "open_lesson",
];

/** The part of the plan page where each kind of gap is fixed (an anchor id). */
export const FIX_SECTION: Record<MissingCode, string> = {
  no_lead: "roles",
  role_missing: "roles",
  material_unassigned: "materials",
  marshals_short: "roles",
  chant_leader_missing: "chants",
  no_first_step: "steps",
  newcomer_unpaired: "pairs",
  open_lesson: "lessons",
};

export type Readiness = { ready: boolean; missing: Missing[] };

export function readiness(plan: PlanForReadiness): Readiness {
  const missing: Missing[] = [];
  const rolesByPerson = new Set(plan.roles.map((r) => r.personId));

  if (!plan.roles.some((r) => r.role === "lead")) missing.push({ code: "no_lead" });

  const coming = plan.attendees.filter((a) => isComing(a.status));
  for (const a of coming) {
    if (a.organizer && !rolesByPerson.has(a.personId)) {
      missing.push({ code: "role_missing", personId: a.personId });
    }
  }

  for (const m of plan.materials) {
    if (m.bringerPersonId === null) {
      missing.push({ code: "material_unassigned", materialId: m.id, item: m.item });
    }
  }

  const needed = marshalsNeeded(plan.expectedTurnout, plan.peoplePerMarshal);
  const have = new Set(plan.roles.filter((r) => r.role === "marshal").map((r) => r.personId)).size;
  if (have < needed) missing.push({ code: "marshals_short", needed, have });

  for (const c of plan.chants) {
    if (c.leaderPersonId === null) missing.push({ code: "chant_leader_missing", chantId: c.id });
  }

  if (plan.steps.length === 0) missing.push({ code: "no_first_step" });

  const paired = new Set(plan.pairs.map((p) => p.newcomerPersonId));
  for (const a of coming) {
    if (!a.organizer && !paired.has(a.personId)) {
      missing.push({ code: "newcomer_unpaired", personId: a.personId });
    }
  }

  for (const l of plan.openLessons) {
    missing.push({ code: "open_lesson", lessonId: l.id, text: l.text });
  }

  return { ready: missing.length === 0, missing };
}
