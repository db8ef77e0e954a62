import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, notFound } from "../../platform/errors";
import { requiredText } from "../../platform/fields";
import { uuidInput } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { getPersonNames } from "../people/person-names";
import { CASE_LIMITS } from "./case";
import { oneCase } from "./case-keys";
import { touchCase } from "./case-record";
import { caseFamily, cases } from "./defense.schema";

export const FamilyContactSchema = z.object({
  personId: uuidInput("required"),
  relationship: requiredText(CASE_LIMITS.relationship),
});
export type FamilyContactInput = z.infer<typeof FamilyContactSchema>;

/** Links (or re-links) a person of this organization to a case as family, with how they are related. */
export const addFamilyContact = (
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: FamilyContactInput,
): Promise<void> =>
  runOperation(deps, actor, async (op) => {
    const tx = op.tx;
    const [row] = await tx
      .select({ personId: cases.personId })
      .from(cases)
      .where(oneCase(actor.orgId, caseId));
    if (!row) throw notFound();
    if (!(await getPersonNames(tx, actor.orgId, [input.personId])).has(input.personId)) {
      throw notFound();
    }
    if (row.personId === input.personId) throw invalid({ personId: "invalid_choice" });
    // Linking the same person again just updates how they are related.
    await tx
      .insert(caseFamily)
      .values({ orgId: actor.orgId, caseId, ...input })
      .onConflictDoUpdate({
        target: [caseFamily.caseId, caseFamily.personId],
        set: { relationship: input.relationship },
      });
    await touchCase(tx, actor.orgId, caseId);
    await op.audit(
      "case.family_added",
      { type: "case", id: caseId },
      { person_id: input.personId },
    );
  });
