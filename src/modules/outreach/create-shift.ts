import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { outreachShifts } from "./outreach.schema";
import type { ShiftFields } from "./shift";
import { insertTeam, resolveShift } from "./shift-checks";

declare module "../../platform/events" {
  interface AppEvents {
    "outreach.changed": { orgId: string; eventId: string | null };
  }
}

export async function createShift(
  deps: Deps,
  actor: Actor,
  input: ShiftFields,
): Promise<{ id: string }> {
  const { columns, team } = await resolveShift(deps.db, actor.orgId, input);
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .insert(outreachShifts)
      .values({ orgId: actor.orgId, ...columns, createdBy: actor.userId })
      .returning({ id: outreachShifts.id });
    if (!row) throw new Error("shift insert returned nothing");
    await insertTeam(op.tx, actor.orgId, row.id, team);
    // Counts only in the audit: no names, no notes.
    await op.audit(
      "outreach.shift_created",
      { type: "outreach_shift", id: row.id },
      {
        kind: input.kind,
        eventId: input.eventId,
        team: team.length,
      },
    );
    op.emit("outreach.changed", { orgId: actor.orgId, eventId: input.eventId });
    return row;
  });
}
