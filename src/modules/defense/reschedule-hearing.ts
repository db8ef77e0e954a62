import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { EVENT_LIMITS } from "./case-event";
import { hearingOfCase } from "./case-keys";
import { touchCase } from "./case-record";
import { caseEvents } from "./defense.schema";
import "./defense.events";
import { followHearing } from "./hearing-followers";

/** A hearing's new time and court (a blank court keeps no court). */
export const RescheduleSchema = z.object({
  occurredAt: z.date("invalid_date"),
  court: z
    .string("wrong_type")
    .max(EVENT_LIMITS.court, "too_long")
    .transform((v) => v.trim() || null)
    .nullable(),
});
export type Reschedule = z.infer<typeof RescheduleSchema>;

/**
 * Moves a scheduled hearing in place: the same entry (so court support linked to it, and
 * its reminders' re-check, follow it) at a new time or court. Nothing changes and nothing
 * is said when both stay the same. Returns whether it moved.
 */
export const rescheduleHearing = (
  deps: Deps,
  actor: Actor,
  caseId: string,
  hearingId: string,
  input: Reschedule,
): Promise<boolean> =>
  runOperation(deps, actor, async (op) => {
    const where = hearingOfCase(actor.orgId, caseId, hearingId);
    const [row] = await op.tx
      .select({ at: caseEvents.occurredAt, court: caseEvents.court })
      .from(caseEvents)
      .where(where)
      .for("update");
    if (!row) throw notFound();
    const changed: string[] = [];
    if (row.at.getTime() !== input.occurredAt.getTime()) changed.push("time");
    if ((row.court ?? null) !== input.court) changed.push("court");
    if (changed.length === 0) return false;
    await op.tx
      .update(caseEvents)
      .set({ occurredAt: input.occurredAt, court: input.court })
      .where(where);
    await touchCase(op.tx, actor.orgId, caseId);
    // Court support linked to it moves with it, in this transaction.
    await followHearing(op.inner(), actor, { hearingId, change: "moved" });
    await op.audit(
      "case.hearing_moved",
      { type: "case", id: caseId },
      { event_id: hearingId, changed },
    );
    op.emit("defense.hearing_changed", {
      orgId: actor.orgId,
      caseId,
      hearingId,
      change: "moved",
      at: input.occurredAt,
    });
    return true;
  });
