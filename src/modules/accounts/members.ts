import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError } from "../../platform/errors";
import { invitations, memberships, type Role, users } from "../../platform/platform.schema";

export type Member = { userId: string; name: string; email: string; role: Role; since: Date };

export async function listMembers(db: Db, actor: Actor): Promise<Member[]> {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, actor.orgId))
    .orderBy(asc(users.name));
}

export async function listPendingInvitations(db: Db, actor: Actor) {
  return db
    .select({
      id: invitations.id,
      email: invitations.emailLower,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, actor.orgId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/** Changing roles never leaves an organization without an owner. */
export async function changeRole(db: Db, actor: Actor, userId: string, role: Role): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    if (!current) throw new AppError("not_found");
    if (current.role === "owner" && role !== "owner") {
      const owners = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.role, "owner")));
      if (owners.length <= 1) throw new AppError("conflict");
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    await audit(
      tx,
      actor,
      "membership.role_changed",
      { type: "user", id: userId },
      {
        from: current.role,
        to: role,
      },
    );
  });
}
