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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AppError("forbidden");
}
