import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, type FieldErrors } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { checkBallot } from "./ballot";
import { type Election, officeRules, votingState } from "./election-record";
import { electionBallots, elections, electionVoters, type VotedHow } from "./elections.schema";
import { newReceipt } from "./receipt";
import "./elections.errors";

/**
 * The one place a ballot is stored. In one transaction: the election is still taking
 * ballots (read under a share lock, so a close waits for us or we see it closed), the
 * voter's row goes from "not voted" to voted — only if it was not voted, so a link used
 * twice at the same instant stores one ballot — and the ballot is inserted with a fresh
 * random receipt. The two rows share nothing but the election. The audit row names the
 * election only.
 */
export async function storeBallot(
  deps: Deps,
  actor: Actor,
  election: Election,
  voter: SQL,
  how: VotedHow,
  choices: Readonly<Record<string, readonly string[]>>,
  now = new Date(),
): Promise<{ receipt: string }> {
  const state = votingState(election, now);
  if (state === "not_open") throw new AppError("voting_not_open");
  if (state === "closed" || (state === "ended" && how === "online")) {
    throw new AppError("voting_closed");
  }
  const checked = checkBallot(officeRules(election), choices);
  if (!checked.ok) {
    throw new AppError("validation_failed", {
      [`choices.${checked.office}`]: checked.problem,
    } as FieldErrors);
  }
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .select({ status: elections.status })
      .from(elections)
      .where(eq(elections.id, election.id))
      .for("share");
    if (row?.status !== "open") throw new AppError("voting_closed");
    const marked = await op.tx
      .update(electionVoters)
      .set({ voted: how })
      .where(and(eq(electionVoters.electionId, election.id), voter, sql`voted IS NULL`))
      .returning({ id: electionVoters.id });
    if (marked.length === 0) throw new AppError("already_voted");
    const receipt = newReceipt();
    await op.tx.insert(electionBallots).values({
      orgId: election.orgId,
      electionId: election.id,
      receipt,
      choices: checked.ballot,
    });
    await op.audit(how === "paper" ? "ballot.entered_from_paper" : "ballot.cast", {
      type: "election",
      id: election.id,
    });
    return { receipt };
  });
}
