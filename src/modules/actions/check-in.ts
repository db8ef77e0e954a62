import { sql } from "drizzle-orm";
import { z } from "zod";
import { builtOnce, placeholderOf } from "../../db/prepared";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { actionsErrors } from "./actions.errors";
import { actionAttendances } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";

const CheckInSchema = z.object({
  personId: z.uuid(actionsErrors.field.person_not_found).transform((v) => v.toLowerCase()),
});

// The statement of every check-in, built once (db/prepared.ts).
const upsertAttendance = builtOnce((db) =>
  db
    .insert(actionAttendances)
    .values({
      orgId: sql.placeholder("orgId"),
      eventId: sql.placeholder("eventId"),
      personId: sql.placeholder("personId"),
      status: "attended",
      checkedInAt: sql.placeholder("now"),
    })
    .onConflictDoUpdate({
      target: [actionAttendances.eventId, actionAttendances.personId],
      set: {
        status: "attended",
        checkedInAt: sql`coalesce(${actionAttendances.checkedInAt}, excluded.checked_in_at)`,
        updatedAt: placeholderOf("now", actionAttendances.updatedAt),
      },
      setWhere: sql`${actionAttendances.orgId} = ${sql.placeholder("orgId")}`,
    })
    .returning({ id: actionAttendances.id, checkedInAt: actionAttendances.checkedInAt }),
);

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
    const [row] = await upsertAttendance(op.tx, {
      orgId: actor.orgId,
      eventId: event.id,
      personId,
      now,
    });
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
