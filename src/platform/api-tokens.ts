import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { builtOnce, runNamed } from "../db/prepared";
import type { Actor } from "./actor";
import { audit } from "./audit";
import { newSecret, sha256 } from "./crypto";
import { groupCommit, perHandle } from "./group-commit";
import { apiTokens, memberships, organizations, type Role, users } from "./platform.schema";

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

// Requests that arrive while lookups are in flight are looked up together, by one statement
// (group commit, decision 108): never joined to a lookup already sent, so a token revoked
// before a request arrived is refused as before.
const tokenActors = `SELECT t.token_hash, t.org_id, t.user_id, m.role
  FROM api_tokens t JOIN memberships m ON m.org_id = t.org_id AND m.user_id = t.user_id
  WHERE t.token_hash = ANY($1::text[]) AND t.revoked_at IS NULL`;

type TokenRow = { token_hash: string; org_id: string; user_id: string; role: Role };

async function lookUp(db: Db, hashes: string[]): Promise<(Actor | null)[]> {
  if (hashes.length === 1) {
    const [row] = await tokenActor(db, { hash: hashes[0] });
    return [row ?? null];
  }
  // Hashes are hex: the array literal needs no quoting.
  const { rows } = await runNamed<TokenRow>(db, {
    name: "api_token_actors",
    text: tokenActors,
    values: [`{${[...new Set(hashes)].join(",")}}`],
  });
  const byHash = new Map(
    rows.map((r) => [r.token_hash, { orgId: r.org_id, userId: r.user_id, role: r.role }]),
  );
  return hashes.map((h) => byHash.get(h) ?? null);
}

const lookUpTogether = perHandle((db: Db) =>
  groupCommit<string, Actor | null>({
    inFlight: 2,
    most: 100,
    run: (hashes) => lookUp(db, hashes),
  }),
);

/** The actor behind a bearer token, with the user's current role; null when unknown or revoked. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const actor = await lookUpTogether(db, sha256(token));
  return actor && { ...actor };
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
