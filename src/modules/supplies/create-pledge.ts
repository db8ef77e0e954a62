import type { Actor, Deps } from "../../platform/actor";
import { invalid } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { getPersonNames } from "../people/person-names";
import { type PledgeInput, pledgeInOperation, type RecordedPledge } from "./record-pledge";

/** A pledge taken by the team (a call, a message) or through the API, for a known person or none. */
export async function createPledge(
  deps: Deps,
  actor: Actor,
  driveId: string,
  input: PledgeInput & { personId: string | null },
): Promise<RecordedPledge> {
  return runOperation(deps, actor, async (op) => {
    const personId = async () => {
      if (!input.personId) return null;
      const names = await getPersonNames(op.tx, actor.orgId, [input.personId]);
      if (!names.has(input.personId)) throw invalid({ personId: "invalid_choice" });
      return input.personId;
    };
    return pledgeInOperation(op, actor, driveId, `person:${input.personId ?? ""}`, personId, input);
  });
}
