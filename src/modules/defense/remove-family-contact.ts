import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { caseFamily } from "./defense.schema";

/** Unlinks a family contact from a case (the person stays in the database). */
export async function removeFamilyContact(
  deps: Deps,
  actor: Actor,
  caseId: string,
  personId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .delete(caseFamily)
      .where(
        and(
          eq(caseFamily.orgId, actor.orgId),
          eq(caseFamily.caseId, caseId),
          eq(caseFamily.personId, personId),
        ),
      )
      .returning({ id: caseFamily.id });
    if (rows.length === 0) throw notFound();
    await audit(
      tx,
      actor,
      "case.family_removed",
      { type: "case", id: caseId },
      { person_id: personId },
    );
  });
}
