import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { outreachShiftPeople, outreachShifts } from "./outreach.schema";
import type { ShiftFields } from "./shift";
import { resolveShift } from "./shift-checks";
import { getShift, shiftSearchText } from "./shift-record";

/** Rewrites a shift's fields and its team; its sign-ups stay as they are. */
export async function updateShift(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ShiftFields,
): Promise<void> {
  const current = await getShift(deps.db, actor.orgId, id);
  if (!current) throw notFound();
  const { startsAt, endsAt, team } = await resolveShift(deps.db, actor.orgId, input);
  await runOperation(deps, actor, async (op) => {
    await op.tx
      .update(outreachShifts)
      .set({
        eventId: input.eventId,
        kind: input.kind,
        area: input.area,
        startsAt,
        endsAt,
        timeZone: input.timeZone,
        flyers: input.flyers,
        conversations: input.conversations,
        receptive: input.receptive,
        neutral: input.neutral,
        notInterested: input.notInterested,
        notes: input.notes,
        searchText: shiftSearchText(input),
        updatedAt: new Date(),
      })
      .where(and(eq(outreachShifts.orgId, actor.orgId), eq(outreachShifts.id, id)));
    await op.tx
      .delete(outreachShiftPeople)
      .where(
        and(
          eq(outreachShiftPeople.orgId, actor.orgId),
          eq(outreachShiftPeople.shiftId, id),
          eq(outreachShiftPeople.part, "team"),
        ),
      );
    if (team.length > 0) {
      await op.tx.insert(outreachShiftPeople).values(
        team.map((personId) => ({
          orgId: actor.orgId,
          shiftId: id,
          personId,
          part: "team" as const,
        })),
      );
    }
    await op.audit("outreach.shift_updated", { type: "outreach_shift", id }, { team: team.length });
    op.emit("outreach.changed", { orgId: actor.orgId, eventId: input.eventId ?? current.eventId });
  });
}
