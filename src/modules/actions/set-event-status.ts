import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, invalid } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { canMoveStatus, EVENT_STATUSES, type EventStatus } from "./action";
import { actionEvents } from "./actions.schema";
import { type ActionEvent, requireHostedEvent } from "./event-record";
import "./actions.events";

export async function setEventStatus(
  deps: Deps,
  actor: Actor,
  eventId: string,
  status: unknown,
): Promise<ActionEvent> {
  if (!EVENT_STATUSES.includes(status as EventStatus)) throw invalid({ status: "invalid_choice" });
  const to = status as EventStatus;
  return runOperation(deps, actor, async (op) => {
    const event = await requireHostedEvent(op.tx, actor.orgId, eventId);
    if (!canMoveStatus(event.status, to))
      throw new AppError("wrong_status", { status: "invalid_choice" });
    if (event.status === to) return event;
    await op.tx
      .update(actionEvents)
      .set({ status: to, updatedAt: new Date() })
      .where(ownRow(actionEvents, actor.orgId, event.id));
    await op.audit(
      "action.status_changed",
      { type: "action", id: event.id },
      { from: event.status, to },
    );
    op.emit("actions.changed", { orgId: actor.orgId, eventId: event.id });
    if (to === "cancelled") op.emit("actions.cancelled", { orgId: actor.orgId, eventId: event.id });
    return { ...event, status: to };
  });
}
