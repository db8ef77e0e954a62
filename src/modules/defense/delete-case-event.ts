import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { touchCase } from "./case-record";
import { caseEvents } from "./defense.schema";

/**
 * Removes a timeline entry recorded by mistake (or a hearing that was called off).
 * What the event changed on the case stays as it is: fix the case itself if needed.
 */
export const deleteCaseEvent = (
  deps: Deps,
  actor: Actor,
  caseId: string,
  eventId: string,
): Promise<void> =>
  runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .delete(caseEvents)
      .where(
        and(
          eq(caseEvents.orgId, actor.orgId),
          eq(caseEvents.caseId, caseId),
          eq(caseEvents.id, eventId),
        ),
      )
      .returning({ kind: caseEvents.kind });
    if (!row) throw notFound();
    await touchCase(op.tx, actor.orgId, caseId);
    await op.audit(
      "case.event_deleted",
      { type: "case", id: caseId },
      { event_id: eventId, kind: row.kind },
    );
  });
