import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Deps } from "../../platform/actor";
import { AppError } from "../../platform/errors";
import type { SignedIn } from "../../platform/http";
import { runOperation } from "../../platform/operation";
import { hashPassword, verifyPassword } from "../../platform/passwords";
import { sessions, users } from "../../platform/platform.schema";
import { claimAttempt, reset } from "../../platform/rate-limit";
import { PasswordSchema } from "./account-schemas";
import { SIGN_IN_LIMITS } from "./sign-in";
import "./accounts.errors";

export const ChangePasswordSchema = z
  .object({
    current_password: z.string("required").min(1, "required").max(200, "too_long"),
    new_password: PasswordSchema,
    confirm_password: z.string("required").min(1, "required").max(200, "too_long"),
  })
  .refine((v) => v.new_password === v.confirm_password, {
    path: ["confirm_password"],
    message: "passwords_differ",
  });

export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

/**
 * Changes the signed-in user's password after checking the current one, and signs out
 * every other session of theirs (a lost phone, a borrowed laptop): this one stays. Wrong
 * current passwords are throttled like sign-ins, so a session left open can't be used to
 * guess the password.
 */
export async function changePassword(
  deps: Deps,
  auth: SignedIn,
  input: ChangePassword,
): Promise<{ otherSessionsEnded: number }> {
  const key = `password-change:${auth.user.id}`;
  const attempt = await claimAttempt(deps.db, key, SIGN_IN_LIMITS.perPair);
  if (!attempt.allowed) throw new AppError("rate_limited", undefined, attempt.retryAfterSeconds);
  const [user] = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, auth.user.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.current_password))) {
    throw new AppError("validation_failed", { current_password: "wrong_password" });
  }
  if (input.new_password === input.current_password) {
    throw new AppError("validation_failed", { new_password: "same_password" });
  }
  const hash = await hashPassword(input.new_password);
  await reset(deps.db, key);
  return runOperation(deps, auth.actor, async (op) => {
    await op.tx.update(users).set({ passwordHash: hash }).where(eq(users.id, auth.user.id));
    const ended = await op.tx
      .delete(sessions)
      .where(and(eq(sessions.userId, auth.user.id), ne(sessions.id, auth.sessionId)))
      .returning({ id: sessions.id });
    await op.audit(
      "user.password_changed",
      { type: "user", id: auth.user.id },
      {
        otherSessionsEnded: ended.length,
      },
    );
    return { otherSessionsEnded: ended.length };
  });
}
