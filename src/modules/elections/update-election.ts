import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { electionColumns, insertOffices, validDraft } from "./create-election";
import type { ElectionInput } from "./election-input";
import { type Election, getElection, lockElection } from "./election-record";
import { electionOffices, elections } from "./elections.schema";
import "./elections.errors";

/**
 * Replaces a draft election's details, offices and candidates. Once voting has opened the
 * ballot is fixed: nothing on it may change (409 election_locked).
 */
export async function updateElection(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ElectionInput,
): Promise<Election> {
  const draft = await validDraft(deps.db, actor.orgId, input);
  await runOperation(deps, actor, async (op) => {
    const row = await lockElection(op.tx, actor.orgId, id);
    if (!row) throw notFound();
    if (row.status !== "draft") throw new AppError("election_locked");
    await op.tx
      .update(elections)
      .set({ ...electionColumns(draft), updatedAt: new Date() })
      .where(eq(elections.id, id));
    // Candidates go with their office (ON DELETE CASCADE).
    await op.tx.delete(electionOffices).where(eq(electionOffices.electionId, id));
    await insertOffices(op.tx, actor.orgId, id, draft);
    await op.audit("election.updated", { type: "election", id }, { offices: draft.offices.length });
  });
  const updated = await getElection(deps.db, actor.orgId, id);
  if (!updated) throw notFound();
  return updated;
}
