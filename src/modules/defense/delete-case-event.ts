import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { caseEvents, cases } from "./defense.schema";

/**
 * Removes a timeline entry recorded by mistake (or a hearing that was called off).
 * What the event changed on the case stays as it is: fix the case itself if needed.
 */
export async function deleteCaseEvent(
  deps: Deps,
  actor: Actor,
  caseId: string,
  eventId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .delete(caseEvents)
      .where(
        and(
          eq(caseEvents.orgId, actor.orgId),
          eq(caseEvents.caseId, caseId),
          eq(caseEvents.id, eventId),
        ),
      )
      .returning({ kind: caseEvents.kind });
    const [row] = rows;
    if (!row) throw notFound();
    await tx
      .update(cases)
      .set({ lastActivityAt: new Date() })
      .where(and(eq(cases.orgId, actor.orgId), eq(cases.id, caseId)));
    await audit(
      tx,
      actor,
      "case.event_deleted",
      { type: "case", id: caseId },
      { event_id: eventId, kind: row.kind },
    );
  });
}
