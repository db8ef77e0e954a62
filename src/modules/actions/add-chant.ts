import { and, eq, sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { actionChants } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";
import { ChantInputSchema } from "./plan-input";
import "./actions.events";

/** A chant (call and response, in one or both languages), last on the sheet. */
export async function addChant(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const chant = parseOrThrow(ChantInputSchema, input);
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await requireOwnPeople(op.tx, actor.orgId, { leaderPersonId: chant.leaderPersonId });
    const [last] = await op.tx
      .select({ max: sql<number>`coalesce(max(${actionChants.position}), 0)` })
      .from(actionChants)
      .where(and(eq(actionChants.eventId, event.id)));
    const position = Number(last?.max ?? 0) + 1;
    const [row] = await op.tx
      .insert(actionChants)
      .values({ orgId: actor.orgId, eventId: event.id, position, ...chant })
      .returning({ id: actionChants.id });
    if (!row) throw new Error("chant insert returned nothing");
    await op.audit("action.chant_added", { type: "action", id: event.id }, { chantId: row.id });
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
    return { id: row.id, eventId: event.id, position, ...chant };
  });
}
