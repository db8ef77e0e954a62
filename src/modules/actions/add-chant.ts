import { eq, sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { actionChants } from "./actions.schema";
import { addPlanItem } from "./add-plan-item";
import { parseOrThrow } from "./plan-guards";
import { ChantInputSchema } from "./plan-input";

/** A chant (call and response, in one or both languages), last on the sheet. */
export async function addChant(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const chant = parseOrThrow(ChantInputSchema, input);
  return addPlanItem(deps, actor, eventId, {
    kind: "chant",
    people: { leaderPersonId: chant.leaderPersonId },
    values: async (tx, event) => {
      const [last] = await tx
        .select({ max: sql<number>`coalesce(max(${actionChants.position}), 0)` })
        .from(actionChants)
        .where(eq(actionChants.eventId, event));
      return { position: Number(last?.max ?? 0) + 1, ...chant };
    },
    detail: (chantId) => ({ chantId }),
  });
}
