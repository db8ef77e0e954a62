import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { getPersonSummaries } from "../people/person-summaries";
import { isComing, isOrganizerLevel } from "./action";
import { actionAttendances, actionPairs } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { suggestPairs } from "./pairing";
import "./actions.events";

/**
 * Pairs every unpaired newcomer who is coming with one of the organization's organizers
 * who are coming, spread evenly (pairing.ts). Existing pairs stay. Returns how many it made.
 */
export async function pairAutomatically(
  deps: Deps,
  actor: Actor,
  eventId: string,
): Promise<number> {
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    const mine = and(
      eq(actionAttendances.eventId, event.id),
      eq(actionAttendances.orgId, actor.orgId),
    );
    const attendees = (
      await op.tx
        .select({ personId: actionAttendances.personId, status: actionAttendances.status })
        .from(actionAttendances)
        .where(mine)
        .orderBy(actionAttendances.createdAt)
    ).filter((a) => isComing(a.status));
    const people = await getPersonSummaries(
      op.tx,
      actor.orgId,
      attendees.map((a) => a.personId),
    );
    const organizers: string[] = [];
    const newcomers: string[] = [];
    for (const a of attendees) {
      const level = people.get(a.personId)?.engagementLevel;
      if (!level) continue;
      (isOrganizerLevel(level) ? organizers : newcomers).push(a.personId);
    }
    const existing = await op.tx
      .select({
        organizerPersonId: actionPairs.organizerPersonId,
        newcomerPersonId: actionPairs.newcomerPersonId,
      })
      .from(actionPairs)
      .where(eq(actionPairs.eventId, event.id));
    const pairs = suggestPairs(organizers, newcomers, existing);
    if (pairs.length === 0) return 0;
    await op.tx
      .insert(actionPairs)
      .values(pairs.map((p) => ({ orgId: actor.orgId, eventId: event.id, ...p })))
      .onConflictDoNothing();
    await op.audit(
      "action.paired_automatically",
      { type: "action", id: event.id },
      { count: pairs.length },
    );
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
    return pairs.length;
  });
}
