import { and, eq } from "drizzle-orm";
import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { outreachShiftPeople, outreachShifts } from "./outreach.schema";
import type { ShiftFields } from "./shift";
import { insertTeam, resolveShift } from "./shift-checks";
import { getShift } from "./shift-record";

/** Rewrites a shift's fields and its team; its sign-ups stay as they are. */
export async function updateShift(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ShiftFields,
): Promise<void> {
  const current = await getShift(deps.db, actor.orgId, id);
  if (!current) throw notFound();
  const { columns, team } = await resolveShift(deps.db, actor.orgId, input);
  await runOperation(deps, actor, async (op) => {
    await op.tx
      .update(outreachShifts)
      .set({ ...columns, updatedAt: new Date() })
      .where(ownRow(outreachShifts, actor.orgId, id));
    await op.tx
      .delete(outreachShiftPeople)
      .where(
        and(
          eq(outreachShiftPeople.orgId, actor.orgId),
          eq(outreachShiftPeople.shiftId, id),
          eq(outreachShiftPeople.part, "team"),
        ),
      );
    await insertTeam(op.tx, actor.orgId, id, team);
    await op.audit("outreach.shift_updated", { type: "outreach_shift", id }, { team: team.length });
    op.emit("outreach.changed", { orgId: actor.orgId, eventId: input.eventId ?? current.eventId });
  });
}
