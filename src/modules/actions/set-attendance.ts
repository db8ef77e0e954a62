import { sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import type { AttendanceSource } from "./action";
import { actionAttendances } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";
import { AttendanceInputSchema } from "./plan-input";
import "./actions.events";

/**
 * Records an RSVP or attendance (invited, going, maybe, declined, attended, no_show) for
 * one of the organization's people: one row per event and person, updated in place.
 * "attended" keeps the first check-in time.
 */
export async function setAttendance(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: unknown,
  source: AttendanceSource = "staff",
) {
  const attendance = parseOrThrow(AttendanceInputSchema, input);
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await requireOwnPeople(op.tx, actor.orgId, { personId: attendance.personId });
    const checkedIn = attendance.status === "attended" ? new Date() : null;
    const [row] = await op.tx
      .insert(actionAttendances)
      .values({
        orgId: actor.orgId,
        eventId: event.id,
        ...attendance,
        checkedInAt: checkedIn,
        source,
      })
      .onConflictDoUpdate({
        target: [actionAttendances.eventId, actionAttendances.personId],
        set: {
          status: attendance.status,
          checkedInAt: sql`CASE WHEN excluded.status = 'attended'
            THEN coalesce(${actionAttendances.checkedInAt}, excluded.checked_in_at) ELSE NULL END`,
          updatedAt: new Date(),
        },
        setWhere: sql`${actionAttendances.orgId} = ${actor.orgId}`,
      })
      .returning({ id: actionAttendances.id, checkedInAt: actionAttendances.checkedInAt });
    if (!row) throw new Error("attendance upsert returned nothing");
    await op.audit(
      "action.attendance_set",
      { type: "action", id: event.id },
      { status: attendance.status },
    );
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
    op.emit("actions.rsvp", {
      orgId: actor.orgId,
      eventId: event.id,
      personId: attendance.personId,
      status: attendance.status,
    });
    return { id: row.id, eventId: event.id, ...attendance, checkedInAt: row.checkedInAt };
  });
}
