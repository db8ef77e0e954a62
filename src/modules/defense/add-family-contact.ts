import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { invalid, notFound } from "../../platform/errors";
import { getPerson } from "../people/person-record";
import { CASE_LIMITS } from "./case";
import { caseFamily, cases } from "./defense.schema";

export const FamilyContactSchema = z.object({
  personId: z.uuid("required"),
  relationship: z
    .string("required")
    .trim()
    .min(1, "required")
    .max(CASE_LIMITS.relationship, "too_long"),
});
export type FamilyContactInput = z.infer<typeof FamilyContactSchema>;

/** Links (or re-links) a person of this organization to a case as family, with how they are related. */
export async function addFamilyContact(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: FamilyContactInput,
): Promise<void> {
  const [row] = await deps.db
    .select({ personId: cases.personId })
    .from(cases)
    .where(and(eq(cases.orgId, actor.orgId), eq(cases.id, caseId)));
  if (!row) throw notFound();
  if (!(await getPerson(deps.db, actor.orgId, input.personId))) throw notFound();
  if (row.personId === input.personId) throw invalid({ personId: "invalid_choice" });
  await deps.db.transaction(async (tx) => {
    // Linking the same person again just updates how they are related.
    await tx
      .insert(caseFamily)
      .values({ orgId: actor.orgId, caseId, ...input })
      .onConflictDoUpdate({
        target: [caseFamily.caseId, caseFamily.personId],
        set: { relationship: input.relationship },
      });
    await tx
      .update(cases)
      .set({ lastActivityAt: new Date() })
      .where(and(eq(cases.orgId, actor.orgId), eq(cases.id, caseId)));
    await audit(
      tx,
      actor,
      "case.family_added",
      { type: "case", id: caseId },
      { person_id: input.personId },
    );
  });
}
