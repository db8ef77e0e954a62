import { randomBytes } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { audit } from "../../platform/audit";
import { hashPassword } from "../../platform/passwords";
import { memberships, organizations, sessions, users } from "../../platform/platform.schema";
import { DEMO } from "./load-demo";

// What `amparo demo` checks before and after loading: the invented organization must not be
// mixed into a real one unasked, and a second run can give its owner a new password (only
// a hash of the first one was kept, so it can't be shown again).

/** Names of the organizations that aren't the demo: real people may be in them. */
export async function realOrganizations(db: Db): Promise<string[]> {
  const rows = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(ne(organizations.slug, DEMO.slug));
  return rows.map((r) => r.name);
}

/** The demo's owner, when the demo is loaded. */
export async function demoOwner(db: Db): Promise<{ orgId: string; userId: string } | null> {
  const [row] = await db
    .select({ orgId: organizations.id, userId: users.id })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.orgId, organizations.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(organizations.slug, DEMO.slug), eq(users.emailLower, DEMO.email)));
  return row ?? null;
}

/** A new password for the demo's owner (given, or made up), audited; its sessions end. */
export async function resetDemoPassword(
  db: Db,
  owner: { orgId: string; userId: string },
  given?: string,
): Promise<string> {
  const password = given || `demo-${randomBytes(6).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  await db.update(users).set({ passwordHash }).where(eq(users.id, owner.userId));
  await db.delete(sessions).where(eq(sessions.userId, owner.userId));
  await audit(db, { ...owner, role: "owner" }, "user.password_reset", {
    type: "user",
    id: owner.userId,
  });
  return password;
}
