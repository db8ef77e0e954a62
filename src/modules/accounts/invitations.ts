import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { newSecret, sha256 } from "../../platform/crypto";
import { AppError, invalid } from "../../platform/errors";
import { hashPassword, verifyPassword } from "../../platform/passwords";
import {
  invitations,
  memberships,
  organizations,
  type Role,
  users,
} from "../../platform/platform.schema";

const INVITE_DAYS = 7;

/** Returns the secret for the invitation link; only its hash is stored. */
export async function inviteUser(
  db: Db,
  actor: Actor,
  input: { email: string; role: Role },
): Promise<{ token: string; expiresAt: Date }> {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await db.transaction(async (tx) => {
    const [inv] = await tx
      .insert(invitations)
      .values({
        orgId: actor.orgId,
        emailLower: input.email.toLowerCase(),
        role: input.role,
        tokenHash: hash,
        invitedBy: actor.userId ?? "",
        expiresAt,
      })
      .returning({ id: invitations.id });
    await audit(
      tx,
      actor,
      "invitation.created",
      { type: "invitation", id: inv?.id },
      {
        role: input.role,
      },
    );
  });
  return { token: secret, expiresAt };
}

export type OpenInvitation = {
  id: string;
  orgId: string;
  orgName: string;
  emailLower: string;
  role: Role;
  existingUserId: string | null;
};

/** `getX` returns null when the link is unknown, used or expired. */
export async function getOpenInvitation(db: Db, token: string): Promise<OpenInvitation | null> {
  if (token.length > 100) return null;
  const [row] = await db
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      orgName: organizations.name,
      emailLower: invitations.emailLower,
      role: invitations.role,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (!row) return null;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.emailLower, row.emailLower));
  return { ...row, existingUserId: user?.id ?? null };
}

/**
 * A new person sets a name and password; someone who already has an account
 * proves it with their password. Either way they join with the invited role.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: { name: string; password: string },
): Promise<{ userId: string; orgId: string }> {
  const invitation = await getOpenInvitation(db, token);
  if (!invitation) throw new AppError("not_found");
  if (invitation.existingUserId) {
    const [user] = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, invitation.existingUserId));
    if (!user || !(await verifyPassword(user.hash, input.password))) {
      throw invalid({ password: "invalid" });
    }
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Claim the invitation first so a double submit can't use it twice.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new AppError("not_found");
    let userId = invitation.existingUserId;
    if (!userId) {
      const [user] = await tx
        .insert(users)
        .values({
          email: invitation.emailLower,
          emailLower: invitation.emailLower,
          name: input.name,
          passwordHash,
        })
        .returning({ id: users.id });
      userId = user?.id ?? null;
    }
    if (!userId) throw new Error("insert returned nothing");
    await tx
      .insert(memberships)
      .values({ orgId: invitation.orgId, userId, role: invitation.role })
      .onConflictDoNothing();
    await audit(
      tx,
      { orgId: invitation.orgId, userId, role: invitation.role },
      "invitation.accepted",
      { type: "invitation", id: invitation.id },
    );
    return { userId, orgId: invitation.orgId };
  });
}
