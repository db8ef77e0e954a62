import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { requireEventAccess } from "./event-record";
import { type EventRowTable, requireOwnPeople } from "./plan-guards";
import { PLAN_TABLES, type PlanItemKind } from "./remove-plan-item";
import "./actions.events";

/** A plan row's own columns: the organization and the action are the operation's. */
type PlanValues<K extends PlanItemKind> = Omit<
  (typeof PLAN_TABLES)[K]["$inferInsert"],
  "orgId" | "eventId"
>;

/**
 * Adds one row to a plan (a role, step, material, chant or pair), the counterpart of
 * removePlanItem: the action is one the organization hosts or co-hosts, the people the
 * row names are its own, and the row is audited as `action.<kind>_added` and announced.
 * `values` may be worked out inside the transaction (a chant's place on the sheet).
 * Answers the new row's id, the action's id and the values written.
 */
export function addPlanItem<K extends PlanItemKind, V extends PlanValues<K>>(
  deps: Deps,
  actor: Actor,
  eventId: string,
  item: {
    kind: K;
    people: Record<string, string | null>;
    values: V | ((tx: Db, eventId: string) => Promise<V>);
    detail: (id: string) => Record<string, unknown>;
  },
): Promise<{ id: string; eventId: string } & V> {
  return runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await requireOwnPeople(op.tx, actor.orgId, item.people);
    const values =
      typeof item.values === "function" ? await item.values(op.tx, event.id) : item.values;
    // Typed as any plan table: the values were checked against this kind's table above.
    const table: EventRowTable = PLAN_TABLES[item.kind];
    const [row] = await op.tx
      .insert(table)
      .values({ orgId: actor.orgId, eventId: event.id, ...values })
      .returning({ id: table.id });
    if (!row) throw new Error(`${item.kind} insert returned nothing`);
    await op.audit(
      `action.${item.kind}_added`,
      { type: "action", id: event.id },
      item.detail(row.id),
    );
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
    return { id: row.id, eventId: event.id, ...values };
  });
}
