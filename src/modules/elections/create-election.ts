import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, type invalid } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { getPersonNames } from "../people/person-names";
import { checkElection, type ElectionDraft, type ElectionInput, toDraft } from "./election-input";
import { type Election, getElection } from "./election-record";
import { electionCandidates, electionOffices, elections } from "./elections.schema";
import "./elections.errors";

/** An election in draft: offices, candidates (people of the organization), times, roll rule. */
export async function createElection(
  deps: Deps,
  actor: Actor,
  input: ElectionInput,
): Promise<Election> {
  const draft = await validDraft(deps.db, actor.orgId, input);
  const id = randomUUID();
  await runOperation(deps, actor, async (op) => {
    await op.tx.insert(elections).values({ id, orgId: actor.orgId, ...electionColumns(draft) });
    await insertOffices(op.tx, actor.orgId, id, draft);
    await op.audit("election.created", { type: "election", id }, { offices: draft.offices.length });
  });
  const created = await getElection(deps.db, actor.orgId, id);
  if (!created) throw new Error("created election vanished");
  return created;
}

/** Checks the input and that every candidate is a person of this organization. */
export async function validDraft(
  db: Db,
  orgId: string,
  input: ElectionInput,
): Promise<ElectionDraft & { names: Map<string, string> }> {
  const problems = checkElection(input);
  const draft = toDraft(input);
  const ids = draft.offices.flatMap((o) => o.candidates.map((c) => c.personId));
  const names = await getPersonNames(db, orgId, ids);
  draft.offices.forEach((office, i) => {
    if (office.candidates.some((c) => !names.has(c.personId))) {
      problems[`offices.${i}.candidates`] ??= "not_a_person";
    }
  });
  if (Object.keys(problems).length > 0) {
    throw new AppError("validation_failed", problems as Parameters<typeof invalid>[0]);
  }
  return { ...draft, names };
}

export function electionColumns(draft: ElectionDraft) {
  return {
    titleEs: draft.title.es,
    titleEn: draft.title.en,
    descriptionEs: draft.description.es,
    descriptionEn: draft.description.en,
    opensAt: draft.opensAt,
    closesAt: draft.closesAt,
    eligibleLevels: draft.eligibility.levels,
    eligibleTags: draft.eligibility.tags,
    eligibilityCutoff: draft.eligibility.cutoff,
    ballotTracker: draft.ballotTracker,
  };
}

export async function insertOffices(
  tx: Db,
  orgId: string,
  electionId: string,
  draft: ElectionDraft & { names: Map<string, string> },
): Promise<void> {
  for (const [position, office] of draft.offices.entries()) {
    const officeId = randomUUID();
    await tx.insert(electionOffices).values({
      id: officeId,
      orgId,
      electionId,
      position,
      nameEs: office.name.es,
      nameEn: office.name.en,
      seats: office.seats,
      method: office.method,
    });
    await tx.insert(electionCandidates).values(
      office.candidates.map((c) => ({
        orgId,
        electionId,
        officeId,
        personId: c.personId,
        ballotName: draft.names.get(c.personId) ?? "",
        statementEs: c.statement.es,
        statementEn: c.statement.en,
      })),
    );
  }
}
