import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { chunks } from "../../platform/chunks";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import type { EngagementLevel } from "../people/eligible-people";
import { listEligiblePeople } from "../people/eligible-people";
import { lockElection } from "./election-record";
import { elections, electionVoters } from "./elections.schema";
import "./elections.errors";

const CHUNK = 1000;

/**
 * Opens voting: freezes the roll (everyone eligible now, added before the cutoff) and
 * fixes the ballot. People added or retagged later don't change who may vote.
 */
export async function openElection(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ rollSize: number }> {
  return runOperation(deps, actor, async (op) => {
    const row = await lockElection(op.tx, actor.orgId, id);
    if (!row) throw notFound();
    if (row.status !== "draft") throw new AppError("election_locked");
    const now = new Date();
    const roll = await listEligiblePeople(op.tx, actor.orgId, {
      levels: row.eligibleLevels as EngagementLevel[],
      tags: row.eligibleTags,
      addedBefore:
        row.eligibilityCutoff && row.eligibilityCutoff < now ? row.eligibilityCutoff : now,
    });
    for (const chunk of chunks(roll, CHUNK)) {
      await op.tx.insert(electionVoters).values(
        chunk.map((p) => ({
          orgId: actor.orgId,
          electionId: id,
          personId: p.id,
          language: p.language ?? "es",
        })),
      );
    }
    await op.tx
      .update(elections)
      .set({ status: "open", rollSize: roll.length, openedAt: now, updatedAt: now })
      .where(eq(elections.id, id));
    await op.audit("election.opened", { type: "election", id }, { roll_size: roll.length });
    return { rollSize: roll.length };
  });
}
