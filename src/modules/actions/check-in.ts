import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { actionsErrors } from "./actions.errors";
import { actionAttendances } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";

const CheckInSchema = z.object({
  personId: z.uuid(actionsErrors.field.person_not_found).transform((v) => v.toLowerCase()),
});

/**
 * Marks someone as there. Checking the same person in twice is one check-in: the first
 * time stays (the unique row per event and person, upserted). Returns whether it was new.
 */
export async function checkIn(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const { personId } = parseOrThrow(CheckInSchema, input);
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await requireOwnPeople(op.tx, actor.orgId, { personId });
    const now = new Date();
    const [row] = await op.tx
      .insert(actionAttendances)
      .values({
        orgId: actor.orgId,
        eventId: event.id,
        personId,
        status: "attended",
        checkedInAt: now,
      })
      .onConflictDoUpdate({
        target: [actionAttendances.eventId, actionAttendances.personId],
        set: {
          status: "attended",
          checkedInAt: sql`coalesce(${actionAttendances.checkedInAt}, excluded.checked_in_at)`,
          updatedAt: now,
        },
        setWhere: sql`${actionAttendances.orgId} = ${actor.orgId}`,
      })
      .returning({ id: actionAttendances.id, checkedInAt: actionAttendances.checkedInAt });
    if (!row?.checkedInAt) throw new Error("check-in upsert returned nothing");
    const first = row.checkedInAt.getTime() === now.getTime();
    if (first)
      await op.audit(
        "action.checked_in",
        { type: "action", id: event.id },
        { attendanceId: row.id },
      );
    return { id: row.id, eventId: event.id, personId, checkedInAt: row.checkedInAt, first };
  });
}
