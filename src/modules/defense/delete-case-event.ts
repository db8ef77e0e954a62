import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { STATUS_EVENT_KINDS, statusAfterRemoval } from "./case-event";
import { eventsOfCase, hearingOfCase, newestEventOf, oneCase } from "./case-keys";
import { touchCase } from "./case-record";
import { caseEvents, cases } from "./defense.schema";
import "./defense.events";
import { followHearing } from "./hearing-followers";

/**
 * Removes a timeline entry recorded by mistake (or a hearing that was called off). The
 * status it set goes back (statusAfterRemoval); its facility, date detained and bond stay:
 * fix the case itself if needed.
 */
export const deleteCaseEvent = (
  deps: Deps,
  actor: Actor,
  caseId: string,
  eventId: string,
): Promise<void> =>
  runOperation(deps, actor, async (op) => {
    const [hearing] = await op.tx
      .select({ id: caseEvents.id })
      .from(caseEvents)
      .where(hearingOfCase(actor.orgId, caseId, eventId))
      .for("update");
    // Court support linked to a hearing called off is cancelled with it (while still linked).
    if (hearing)
      await followHearing(op.inner(), actor, { hearingId: eventId, change: "cancelled" });
    const [row] = await op.tx
      .delete(caseEvents)
      .where(eventsOfCase(actor.orgId, caseId, eq(caseEvents.id, eventId)))
      .returning({ kind: caseEvents.kind, occurredAt: caseEvents.occurredAt });
    if (!row) throw notFound();
    await touchCase(op.tx, actor.orgId, caseId);
    // What the removed event set on the case goes back with it (its status).
    const [kase] = await op.tx
      .select({ status: cases.status })
      .from(cases)
      .where(oneCase(actor.orgId, caseId))
      .for("update");
    const newest = await newestEventOf(op.tx, actor.orgId, caseId, STATUS_EVENT_KINDS);
    const status = kase ? statusAfterRemoval(kase.status, row, newest) : null;
    if (kase && status && status !== kase.status) {
      await op.tx
        .update(cases)
        .set({ status, updatedAt: new Date() })
        .where(oneCase(actor.orgId, caseId));
    }
    await op.audit(
      "case.event_deleted",
      { type: "case", id: caseId },
      {
        event_id: eventId,
        kind: row.kind,
        ...(status && kase && status !== kase.status ? { status } : {}),
      },
    );
    // A hearing removed is a hearing called off: its people are told, its court support too.
    if (row.kind === "hearing_scheduled") {
      op.emit("defense.hearing_changed", {
        orgId: actor.orgId,
        caseId,
        hearingId: eventId,
        change: "cancelled",
        at: row.occurredAt,
      });
    }
  });
