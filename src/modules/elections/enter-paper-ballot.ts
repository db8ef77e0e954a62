import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { getElection } from "./election-record";
import { electionVoters } from "./elections.schema";
import { storeBallot } from "./store-ballot";
import "./elections.errors";

/**
 * An organizer enters a paper ballot for a voter on the roll: the voter is marked as
 * having voted on paper (their link stops working) and the ballot is stored, together.
 * Allowed from the opening until the close, also after the voting time ended, so paper
 * ballots collected at the last meeting can still be entered before counting.
 */
export async function enterPaperBallot(
  deps: Deps,
  actor: Actor,
  electionId: string,
  personId: string,
  choices: Readonly<Record<string, readonly string[]>>,
): Promise<{ receipt: string }> {
  const election = await getElection(deps.db, actor.orgId, electionId);
  if (!election) throw notFound();
  const [voter] = await deps.db
    .select({ voted: electionVoters.voted })
    .from(electionVoters)
    .where(and(eq(electionVoters.electionId, electionId), eq(electionVoters.personId, personId)));
  if (!voter) throw new AppError("validation_failed", { person_id: "not_on_roll" });
  if (voter.voted) throw new AppError("already_voted");
  return storeBallot(
    deps,
    actor,
    election,
    eq(electionVoters.personId, personId),
    "paper",
    choices,
  );
}
