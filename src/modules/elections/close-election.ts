import { randomBytes } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { getElection, lockElection } from "./election-record";
import { electionBallots, elections, electionVoters } from "./elections.schema";
import { computeResults, type PublishedResults } from "./results";
import "./elections.errors";

/**
 * Closes voting and counts. In one transaction, with the election locked (ballots being
 * stored finish first): draw the tie seed, count every office, store the results for good,
 * and rewrite the election's ballot and voter rows so that neither their place in the
 * table nor their transaction ids still tell which voter and which ballot were written
 * together (docs/decisions/063-elections.md).
 */
export async function closeElection(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<PublishedResults> {
  return runOperation(deps, actor, async (op) => {
    const election = await getElection(op.tx, actor.orgId, id);
    if (!election) throw notFound();
    const row = await lockElection(op.tx, actor.orgId, id);
    if (row?.status !== "open") throw new AppError("election_not_open");

    const ballots = await op.tx
      .select({ receipt: electionBallots.receipt, choices: electionBallots.choices })
      .from(electionBallots)
      .where(eq(electionBallots.electionId, id))
      .orderBy(asc(electionBallots.id));
    const voted = await op.tx.execute<{ online: number; paper: number }>(sql`
      SELECT count(*) FILTER (WHERE voted = 'online')::int AS online,
             count(*) FILTER (WHERE voted = 'paper')::int AS paper
      FROM ${electionVoters} WHERE election_id = ${id}`);
    const seed = randomBytes(16).toString("hex");
    const results = computeResults({
      offices: election.offices.map((o) => ({
        ...o,
        candidates: o.candidates.map((c) => ({ personId: c.personId, name: c.name })),
      })),
      ballots,
      rollSize: election.rollSize ?? 0,
      voted: {
        online: Number(voted.rows[0]?.online ?? 0),
        paper: Number(voted.rows[0]?.paper ?? 0),
      },
      seed,
      tracker: election.ballotTracker,
    });

    await op.tx.execute(sql`
      WITH moved AS (DELETE FROM election_ballots WHERE election_id = ${id} RETURNING *)
      INSERT INTO election_ballots SELECT * FROM moved ORDER BY id`);
    await op.tx.execute(sql`UPDATE election_voters SET voted = voted WHERE election_id = ${id}`);
    const now = new Date();
    await op.tx
      .update(elections)
      .set({ status: "closed", closedAt: now, updatedAt: now, tallySeed: seed, results })
      .where(eq(elections.id, id));
    await op.audit("election.closed", { type: "election", id }, { ballots: ballots.length });
    return results;
  });
}
