import { eq } from "drizzle-orm";
import type { Deps } from "../../platform/actor";
import { sha256 } from "../../platform/crypto";
import { AppError } from "../../platform/errors";
import { type Election, getElectionById } from "./election-record";
import { electionVoters } from "./elections.schema";
import { storeBallot } from "./store-ballot";
import "./elections.errors";

export type VoterLink = { election: Election; language: "es" | "en"; voted: boolean; key: string };

/** The election and voter a voting link belongs to, or null for a link that isn't one. */
export async function findVoterLink(deps: Deps, token: string): Promise<VoterLink | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const hash = sha256(token);
  const [voter] = await deps.db
    .select({
      electionId: electionVoters.electionId,
      language: electionVoters.language,
      voted: electionVoters.voted,
    })
    .from(electionVoters)
    .where(eq(electionVoters.tokenHash, hash));
  if (!voter) return null;
  const election = await getElectionById(deps.db, voter.electionId);
  if (!election) return null;
  return { election, language: voter.language, voted: voter.voted !== null, key: hash };
}

/**
 * A voter casts their ballot with their link (page or API). No session: the token is the
 * credential. Used once: a second use is 409 already_voted, whatever it carries.
 */
export async function castBallot(
  deps: Deps,
  token: string,
  choices: Readonly<Record<string, readonly string[]>>,
): Promise<{ receipt: string; link: VoterLink }> {
  const link = await findVoterLink(deps, token);
  if (!link) throw new AppError("not_found");
  if (link.voted) throw new AppError("already_voted");
  // The voter acts anonymously: no user, and the audit row names only the election.
  const actor = { orgId: link.election.orgId, userId: null, role: "member" as const };
  const { receipt } = await storeBallot(
    deps,
    actor,
    link.election,
    eq(electionVoters.tokenHash, link.key),
    "online",
    choices,
  );
  return { receipt, link };
}
