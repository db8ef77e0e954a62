import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { outreachShifts } from "./outreach.schema";

/** Deletes a shift with its team and sign-up links (the people themselves stay). */
export async function deleteShift(deps: Deps, actor: Actor, id: string): Promise<void> {
  await runOperation(deps, actor, async (op) => {
    const [gone] = await op.tx
      .delete(outreachShifts)
      .where(ownRow(outreachShifts, actor.orgId, id))
      .returning({ id: outreachShifts.id, eventId: outreachShifts.eventId });
    if (!gone) throw notFound();
    await op.audit("outreach.shift_deleted", { type: "outreach_shift", id });
    op.emit("outreach.changed", { orgId: actor.orgId, eventId: gone.eventId });
  });
}
