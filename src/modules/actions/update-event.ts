import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { slugTakenOnClash } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import type { ActionChange } from "./actions.events";
import { actionEvents } from "./actions.schema";
import { type EventFieldsInput, EventFieldsSchema } from "./event-fields";
import { requireEventLinks, searchTextFor } from "./event-links";
import { type ActionEvent, requireHostedEvent } from "./event-record";
import { parseOrThrow } from "./plan-guards";

/** What people going must hear about: a new start time, or a new place or meeting point. */
function changesFor(
  before: ActionEvent,
  after: Pick<ActionEvent, "startsAt" | "placeName" | "placeAddress" | "meetingPoint">,
): ActionChange[] {
  const changes: ActionChange[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime()) changes.push("time");
  if (
    (before.placeName ?? null) !== (after.placeName ?? null) ||
    (before.placeAddress ?? null) !== (after.placeAddress ?? null) ||
    (before.meetingPoint ?? null) !== (after.meetingPoint ?? null)
  )
    changes.push("place");
  return changes;
}

/** Only the host changes the action itself (co-hosts change their own rows of the plan). */
export async function updateEvent(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: EventFieldsInput,
): Promise<ActionEvent> {
  const fields = parseOrThrow(EventFieldsSchema, input);
  const before = await requireHostedEvent(deps.db, actor.orgId, eventId);
  await slugTakenOnClash(() =>
    runOperation(deps, actor, async (op) => {
      const timed = await requireEventLinks(op.tx, actor.orgId, fields);
      await op.tx
        .update(actionEvents)
        .set({ ...timed, searchText: searchTextFor(timed), updatedAt: new Date() })
        .where(ownRow(actionEvents, actor.orgId, before.id));
      await op.audit("action.updated", { type: "action", id: before.id });
      op.emit("actions.changed", { orgId: actor.orgId, eventId: before.id });
      const changes = changesFor(before, timed);
      if (changes.length > 0)
        op.emit("actions.moved", { orgId: actor.orgId, eventId: before.id, changes });
    }),
  );
  return requireHostedEvent(deps.db, actor.orgId, before.id);
}
