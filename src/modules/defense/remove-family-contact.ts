import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { caseFamily } from "./defense.schema";

/** Unlinks a family contact from a case (the person stays in the database). */
export const removeFamilyContact = (
  deps: Deps,
  actor: Actor,
  caseId: string,
  personId: string,
): Promise<void> =>
  runOperation(deps, actor, async (op) => {
    const rows = await op.tx
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
    await op.audit("case.family_removed", { type: "case", id: caseId }, { person_id: personId });
  });
