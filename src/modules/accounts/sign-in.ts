import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { audit } from "../../platform/audit";
import { sha256 } from "../../platform/crypto";
import { AppError } from "../../platform/errors";
import { dummyHash, verifyPassword } from "../../platform/passwords";
import { memberships, users } from "../../platform/platform.schema";
import { hit, refund, reset } from "../../platform/rate-limit";
import { createSession } from "../../platform/sessions";

export const SIGN_IN_LIMITS = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perAddress: { limit: 30, windowSeconds: 15 * 60 },
};

export type SignInResult =
  | { ok: true; token: string; userId: string; orgId: string }
  | { ok: false; reason: "invalid" };

/**
 * Checks the password and opens a new session (a fresh id every time, so a
 * planted cookie is useless). Attempts are limited per account and per address;
 * past the limit even the right password is refused until the window passes.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  address: string,
): Promise<SignInResult> {
  const emailLower = input.email.trim().toLowerCase();
  const accountKey = `signin:acct:${sha256(emailLower)}`;
  const addressKey = `signin:addr:${sha256(address)}`;
  for (const [key, rule] of [
    [accountKey, SIGN_IN_LIMITS.perAccount],
    [addressKey, SIGN_IN_LIMITS.perAddress],
  ] as const) {
    const r = await hit(db, key, rule.limit, rule.windowSeconds);
    if (!r.allowed) throw new AppError("rate_limited", undefined, r.retryAfterSeconds);
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.emailLower, emailLower));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) return { ok: false, reason: "invalid" };

  const [membership] = await db
    .select({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!membership) return { ok: false, reason: "invalid" };

  await reset(db, accountKey);
  // Only failures count against an address: a shared office or proxy address
  // must not lock a whole team out after a busy morning of sign-ins.
  await refund(db, addressKey);
  const token = await createSession(db, user.id, membership.orgId);
  await audit(
    db,
    { orgId: membership.orgId, userId: user.id, role: membership.role },
    "user.signed_in",
    { type: "user", id: user.id },
  );
  return { ok: true, token, userId: user.id, orgId: membership.orgId };
}
