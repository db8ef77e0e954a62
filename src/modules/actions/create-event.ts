import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { slugTakenOnClash } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { actionEvents } from "./actions.schema";
import { type EventFieldsInput, EventFieldsSchema } from "./event-fields";
import { requireEventLinks, searchTextFor } from "./event-links";
import type { ActionEvent } from "./event-record";
import { getHostedEvent } from "./event-record";
import { parseOrThrow } from "./plan-guards";
import "./actions.events";

export async function createEvent(
  deps: Deps,
  actor: Actor,
  input: EventFieldsInput,
): Promise<ActionEvent> {
  const fields = parseOrThrow(EventFieldsSchema, input);
  const id = randomUUID();
  await slugTakenOnClash(() =>
    runOperation(deps, actor, async (op) => {
      const timed = await requireEventLinks(op.tx, actor.orgId, fields);
      await op.tx.insert(actionEvents).values({
        id,
        orgId: actor.orgId,
        ...timed,
        searchText: searchTextFor(timed),
        createdBy: actor.userId,
      });
      await op.audit(
        "action.created",
        { type: "action", id },
        { kind: fields.kind, slug: fields.slug },
      );
      op.emit("actions.changed", { orgId: actor.orgId, eventId: id });
    }),
  );
  const event = await getHostedEvent(deps.db, actor.orgId, id);
  if (!event) throw new Error("created action vanished");
  return event;
}
