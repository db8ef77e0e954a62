import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import {
  actionChants,
  actionMaterials,
  actionPairs,
  actionRoles,
  actionSteps,
} from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { deleteOwnEventRow } from "./plan-guards";
import "./actions.events";

/** The tables of a plan's rows, by the name the routes and audit give them. */
export const PLAN_TABLES = {
  role: actionRoles,
  step: actionSteps,
  material: actionMaterials,
  chant: actionChants,
  pair: actionPairs,
} as const;
export type PlanItemKind = keyof typeof PLAN_TABLES;
export const PLAN_ITEM_KINDS = Object.keys(PLAN_TABLES) as PlanItemKind[];

/**
 * Removes one row of a plan (a role, step, material, chant or pair). One operation for the
 * five: they differ only by table. Only the organization that wrote the row may remove it.
 */
export async function removePlanItem(
  deps: Deps,
  actor: Actor,
  eventId: string,
  kind: PlanItemKind,
  itemId: string,
): Promise<void> {
  if (!isUuid(itemId)) throw notFound();
  const table = PLAN_TABLES[kind];
  await runOperation(deps, actor, async (op) => {
    const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
    await deleteOwnEventRow(op.tx, table, { orgId: actor.orgId, eventId: event.id, id: itemId });
    await op.audit(`action.${kind}_removed`, { type: "action", id: event.id }, { itemId });
    op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
  });
}
