import type { Actor, Deps } from "../../platform/actor";
import { invalid, isUniqueViolation } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { actionRoles } from "./actions.schema";
import { requireEventAccess } from "./event-record";
import { parseOrThrow, requireOwnPeople } from "./plan-guards";
import { RoleInputSchema } from "./plan-input";
import "./actions.events";

/** Gives one of the organization's people a role on a plan it hosts or co-hosts. */
export async function addRole(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const role = parseOrThrow(RoleInputSchema, input);
  try {
    return await runOperation(deps, actor, async (op) => {
      const { event } = await requireEventAccess(op.tx, actor.orgId, eventId);
      await requireOwnPeople(op.tx, actor.orgId, { personId: role.personId });
      const [row] = await op.tx
        .insert(actionRoles)
        .values({ orgId: actor.orgId, eventId: event.id, ...role })
        .returning({ id: actionRoles.id });
      if (!row) throw new Error("role insert returned nothing");
      await op.audit("action.role_added", { type: "action", id: event.id }, { role: role.role });
      op.emit("actions.changed", { orgId: event.orgId, eventId: event.id });
      return { id: row.id, eventId: event.id, ...role };
    });
  } catch (error) {
    // The same person already holds this role on this plan.
    if (isUniqueViolation(error)) throw invalid({ role: "invalid" });
    throw error;
  }
}
