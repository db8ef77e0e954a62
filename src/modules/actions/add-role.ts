import type { Actor, Deps } from "../../platform/actor";
import { invalid, onUniqueViolation } from "../../platform/errors";
import { addPlanItem } from "./add-plan-item";
import { parseOrThrow } from "./plan-guards";
import { RoleInputSchema } from "./plan-input";

/** Gives one of the organization's people a role on a plan it hosts or co-hosts. */
export async function addRole(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const role = parseOrThrow(RoleInputSchema, input);
  // The same person already holds this role on this plan.
  return onUniqueViolation(invalid({ role: "invalid" }), () =>
    addPlanItem(deps, actor, eventId, {
      kind: "role",
      people: { personId: role.personId },
      values: role,
      detail: () => ({ role: role.role }),
    }),
  );
}
