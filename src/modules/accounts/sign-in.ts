import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { audit } from "../../platform/audit";
import { sha256 } from "../../platform/crypto";
import { AppError } from "../../platform/errors";
import { dummyHash, verifyPassword } from "../../platform/passwords";
import { memberships, users } from "../../platform/platform.schema";
import { claimAttempt, hit, hitsNow, reset } from "../../platform/rate-limit";
import { createSession } from "../../platform/sessions";

export const SIGN_IN_LIMITS = {
  /** One account from one address: 3 tries, then 2 s, 4 s, 8 s ... up to 15 minutes between tries. */
  perPair: { free: 3, maxSeconds: 15 * 60, forgetSeconds: 24 * 3600 },
  /** Distinct accounts failed from one address (guessing across a team). */
  perAddress: { limit: 30, windowSeconds: 15 * 60 },
};

export type SignInResult =
  | { ok: true; token: string; userId: string; orgId: string }
  | { ok: false; reason: "invalid" };

/**
 * Checks the password and opens a new session (a fresh id every time, so a planted cookie
 * is useless). Throttled so nobody can lock someone else out (decision 092):
 * - per account and address: a few tries, then a growing wait between tries from that
 *   address; the owner at another address (their phone, the office) is not held up;
 * - per address: failures on distinct accounts (30 in 15 minutes), so one address can't
 *   guess across a whole team; sign-ins that succeed, and retries of one account, don't
 *   use it up (an office or a proxy holds many people).
 * `address` is the client's (platform/client-address.ts: the trusted-proxy setting).
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  address: string,
): Promise<SignInResult> {
  const emailLower = input.email.trim().toLowerCase();
  const pairKey = `signin:pair:${sha256(`${emailLower}\u0000${address}`)}`;
  const addressKey = `signin:addr:${sha256(address)}`;
  const { perAddress, perPair } = SIGN_IN_LIMITS;
  if ((await hitsNow(db, addressKey, perAddress.windowSeconds)) >= perAddress.limit) {
    throw new AppError("rate_limited", undefined, perAddress.windowSeconds);
  }
  const attempt = await claimAttempt(db, pairKey, perPair);
  if (!attempt.allowed) throw new AppError("rate_limited", undefined, attempt.retryAfterSeconds);
  const failed = async (): Promise<SignInResult> => {
    // The first failure of this account from this address counts against the address.
    if (attempt.attempts === 1)
      await hit(db, addressKey, perAddress.limit, perAddress.windowSeconds);
    return { ok: false, reason: "invalid" };
  };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.emailLower, emailLower));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) return failed();

  const [membership] = await db
    .select({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!membership) return failed();

  await reset(db, pairKey);
  const token = await createSession(db, user.id, membership.orgId);
  await audit(
    db,
    { orgId: membership.orgId, userId: user.id, role: membership.role },
    "user.signed_in",
    { type: "user", id: user.id },
  );
  return { ok: true, token, userId: user.id, orgId: membership.orgId };
}
