import { AppError } from "./errors";
import type { Role } from "./platform.schema";

// Who may do what: one line per permission, enforced by routes through `requirePermission`.
export const PERMISSIONS = {
  "people.read": ["owner", "organizer", "member", "viewer"],
  "people.write": ["owner", "organizer", "member"],
  "people.delete": ["owner", "organizer"],
  "people.sensitive": ["owner", "organizer"],
  "users.manage": ["owner"],
  "tokens.create": ["owner", "organizer"],
  // Defense cases. Sensitive case fields need more than a role: see canSeeCaseSensitive.
  "cases.read": ["owner", "organizer", "member"],
  "cases.write": ["owner", "organizer"],
  "facilities.read": ["owner", "organizer", "member", "viewer"],
  "facilities.write": ["owner", "organizer", "member"],
  // Funds. Above the threshold an approver must also differ from the requester.
  "funds.read": ["owner", "organizer", "member", "viewer"],
  "funds.gifts": ["owner", "organizer", "member"],
  "funds.manage": ["owner", "organizer"],
  // CSV imports of crowdfunding exports: many gifts at once.
  "funds.import": ["owner", "organizer"],
  "funds.approve": ["owner", "organizer"],
  "funds.settings": ["owner"],
  // Advocacy: call-in and visit campaigns for a case (members see them, as they see cases).
  "advocacy.read": ["owner", "organizer", "member"],
  "advocacy.write": ["owner", "organizer"],
  // Actions: members plan (roles, materials, RSVPs, check-in); organizers create and run them.
  "actions.read": ["owner", "organizer", "member", "viewer"],
  "actions.plan": ["owner", "organizer", "member"],
  "actions.manage": ["owner", "organizer"],
  // Supply drives: everyone sees them; members receive and deliver at the drop-off points;
  // organizers set up drives. Deposits move money, so they follow funds.
  "supplies.read": ["owner", "organizer", "member", "viewer"],
  "supplies.receive": ["owner", "organizer", "member"],
  "supplies.manage": ["owner", "organizer"],
  // Elections: members see turnout and results; only owners run an election and hold the
  // voting links; organizers may also enter paper ballots.
  "elections.read": ["owner", "organizer", "member", "viewer"],
  "elections.manage": ["owner"],
  "elections.credentials": ["owner"],
  "elections.paper": ["owner", "organizer"],
  // Messaging: consent is recorded by whoever keeps people's records; organizers see the
  // outbox and write broadcasts; a large broadcast needs a second organizer (approve).
  "messaging.consent": ["owner", "organizer", "member"],
  "messaging.outbox": ["owner", "organizer"],
  "messaging.broadcast": ["owner", "organizer"],
  "messaging.approve": ["owner", "organizer"],
  "messaging.settings": ["owner"],
  // Outreach shifts (flyering, canvassing): members log the shifts they do.
  "outreach.read": ["owner", "organizer", "member", "viewer"],
  "outreach.write": ["owner", "organizer", "member"],
  // Reviews of done actions, their lessons and follow-ups; grow leaders.
  "reviews.read": ["owner", "organizer", "member", "viewer"],
  "reviews.write": ["owner", "organizer"],
  "lessons.manage": ["owner", "organizer"],
  "leaders.read": ["owner", "organizer"],
  "leaders.manage": ["owner", "organizer"],
  "supplies.deposit": ["owner", "organizer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AppError("forbidden");
}

/**
 * A case's A-number, date of birth and notes: owners, and the users on that case's team
 * (who must still be allowed to read cases). Managing the team needs the same access.
 */
export function canSeeCaseSensitive(role: Role, onCaseTeam: boolean): boolean {
  return can(role, "cases.read") && (role === "owner" || onCaseTeam);
}
