import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { newSecret, sha256 } from "./crypto";
import type { SignedIn } from "./http";
import { memberships, organizations, sessions, users } from "./platform.schema";

export const SESSION_COOKIE = "amparo_session";
export const SESSION_DAYS = 14;

// The cookie holds a random token; the database holds only its hash.
export async function createSession(db: Db, userId: string, orgId: string): Promise<string> {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ userId, orgId, tokenHash: hash, expiresAt });
  // Housekeeping: expired sessions are of no use to anyone.
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now() - interval '1 day'`);
  return secret;
}

export type SessionLookup = { status: "ok"; auth: SignedIn } | { status: "expired" | "none" };

export async function loadSession(db: Db, token: string | undefined): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: "none" };
  const rows = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      userName: users.name,
      email: users.email,
      language: users.language,
      orgId: organizations.id,
      orgName: organizations.name,
      slug: organizations.slug,
      timeZone: organizations.timeZone,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.orgId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.orgId, sessions.orgId)),
    )
    .where(eq(sessions.tokenHash, sha256(token)))
    .limit(1);
  const row = rows[0];
  if (!row) return { status: "none" };
  if (row.expiresAt.getTime() <= Date.now()) return { status: "expired" };
  return {
    status: "ok",
    auth: {
      sessionId: row.sessionId,
      user: { id: row.userId, name: row.userName, email: row.email, language: row.language },
      org: { id: row.orgId, name: row.orgName, slug: row.slug, timeZone: row.timeZone },
      role: row.role,
      actor: { orgId: row.orgId, userId: row.userId, role: row.role },
    },
  };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
