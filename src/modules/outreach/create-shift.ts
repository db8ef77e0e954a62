import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { outreachShiftPeople, outreachShifts } from "./outreach.schema";
import type { ShiftFields } from "./shift";
import { resolveShift } from "./shift-checks";
import { shiftSearchText } from "./shift-record";

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
  const { startsAt, endsAt, team } = await resolveShift(deps.db, actor.orgId, input);
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .insert(outreachShifts)
      .values({
        orgId: actor.orgId,
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
        createdBy: actor.userId,
      })
      .returning({ id: outreachShifts.id });
    if (!row) throw new Error("shift insert returned nothing");
    if (team.length > 0) {
      await op.tx.insert(outreachShiftPeople).values(
        team.map((personId) => ({
          orgId: actor.orgId,
          shiftId: row.id,
          personId,
          part: "team" as const,
        })),
      );
    }
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
