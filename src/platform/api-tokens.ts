import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { builtOnce } from "../db/prepared";
import type { Actor } from "./actor";
import { audit } from "./audit";
import { newSecret, sha256 } from "./crypto";
import { apiTokens, memberships, organizations, users } from "./platform.schema";

const PREFIX = "amp_";

/** The token is shown once; only its hash is kept. */
export async function createApiToken(db: Db, actor: Actor, label = ""): Promise<string> {
  const { secret } = newSecret();
  const token = `${PREFIX}${secret}`;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ orgId: actor.orgId, userId: actor.userId ?? "", tokenHash: sha256(token), label })
      .returning({ id: apiTokens.id });
    await audit(tx, actor, "api_token.created", { type: "api_token", id: row?.id });
  });
  return token;
}

// Every API request asks this first: the statement is built once and named, so PostgreSQL
// plans it once per connection (db/prepared.ts).
const tokenActor = builtOnce(
  (db) =>
    db
      .select({ orgId: apiTokens.orgId, userId: apiTokens.userId, role: memberships.role })
      .from(apiTokens)
      .innerJoin(
        memberships,
        and(eq(memberships.orgId, apiTokens.orgId), eq(memberships.userId, apiTokens.userId)),
      )
      .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(apiTokens.revokedAt))),
  "api_token_actor",
);

/** The actor behind a bearer token, with the user's current role; null when unknown or revoked. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const [row] = await tokenActor(db, { hash: sha256(token) });
  return row ?? null;
}

/** For the CLI: the owner actor of an organization by slug and email. */
export async function actorByEmail(db: Db, slug: string, email: string): Promise<Actor | null> {
  const [row] = await db
    .select({ orgId: organizations.id, userId: users.id, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(organizations.slug, slug), eq(users.emailLower, email.toLowerCase())));
  return row ?? null;
}
