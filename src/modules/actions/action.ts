// The vocabulary of an action (event): kinds, statuses, roles, material and attendance
// statuses. Pure: no I/O. The SQL CHECK constraints in 0050_actions.sql list the same values.

export const EVENT_KINDS = [
  "rally",
  "march",
  "vigil",
  "court_support",
  "fundraiser",
  "canvass",
  "meeting",
  "training",
  "other",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ["draft", "planned", "done", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const ROLE_KINDS = [
  "lead",
  "deputy",
  "marshal",
  "chant_leader",
  "outreach",
  "flyers",
  "speaker",
  "legal_observer",
  "medic",
  "media",
  "logistics",
  "custom",
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const MATERIAL_STATUSES = ["needed", "assigned", "packed", "brought"] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export const ATTENDANCE_STATUSES = [
  "invited",
  "going",
  "maybe",
  "declined",
  "attended",
  "no_show",
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_SOURCES = ["staff", "public", "api"] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** Someone counted as coming: said yes or maybe, or is already there. */
export function isComing(status: AttendanceStatus): boolean {
  return status === "going" || status === "maybe" || status === "attended";
}

/** Engagement levels (people module) that make a person an organizer on a plan. */
export const ORGANIZER_LEVELS: readonly string[] = ["active", "core", "leader"];
export function isOrganizerLevel(level: string): boolean {
  return ORGANIZER_LEVELS.includes(level);
}

/** Allowed moves of an event's status. Done and cancelled can go back (a slip of the thumb). */
const NEXT_STATUS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ["planned", "done", "cancelled"],
  planned: ["draft", "done", "cancelled"],
  done: ["planned"],
  cancelled: ["planned", "draft"],
};
export function canMoveStatus(from: EventStatus, to: EventStatus): boolean {
  return from === to || NEXT_STATUS[from].includes(to);
}

export const DEFAULT_PEOPLE_PER_MARSHAL = 15;

/** Marshals a plan needs for an expected turnout: one per `perMarshal` people, rounded up. */
export function marshalsNeeded(expectedTurnout: number | null, perMarshal: number): number {
  if (!expectedTurnout || expectedTurnout <= 0) return 0;
  return Math.ceil(expectedTurnout / Math.max(1, perMarshal));
}

/** A slug from a title: lower case, accents stripped, words joined by dashes. */
export function slugify(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
