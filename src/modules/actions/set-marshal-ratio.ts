import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { invalid } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { DEFAULT_PEOPLE_PER_MARSHAL } from "./action";
import { actionSettings } from "./actions.schema";

/** Readiness wants one marshal per this many expected people (default 15). */
export async function peoplePerMarshal(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: actionSettings.peoplePerMarshal })
    .from(actionSettings)
    .where(eq(actionSettings.orgId, orgId));
  return row?.n ?? DEFAULT_PEOPLE_PER_MARSHAL;
}

export async function setMarshalRatio(deps: Deps, actor: Actor, value: unknown): Promise<number> {
  const n = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 1000) {
    throw invalid({ peoplePerMarshal: "invalid" });
  }
  return runOperation(deps, actor, async (op) => {
    await op.tx
      .insert(actionSettings)
      .values({ orgId: actor.orgId, peoplePerMarshal: n })
      .onConflictDoUpdate({
        target: actionSettings.orgId,
        set: { peoplePerMarshal: n, updatedAt: new Date() },
      });
    await op.audit("action.settings_changed", { type: "action_settings" }, { peoplePerMarshal: n });
    return n;
  });
}
