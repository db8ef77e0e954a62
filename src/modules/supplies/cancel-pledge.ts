import { and, eq, isNull } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { supplyPledges } from "./supplies.schema";
import { DRIVE_CHANGED } from "./supplies-events";

/** "Not coming": the pledge stops counting toward still needed at once. */
export async function cancelPledge(deps: Deps, actor: Actor, pledgeId: string): Promise<void> {
  await runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .update(supplyPledges)
      .set({ cancelledAt: new Date() })
      .where(
        and(
          eq(supplyPledges.orgId, actor.orgId),
          eq(supplyPledges.id, pledgeId),
          isNull(supplyPledges.cancelledAt),
        ),
      )
      .returning({ driveId: supplyPledges.driveId });
    if (!row) throw notFound();
    await op.audit("supply_pledge.cancelled", { type: "supply_pledge", id: pledgeId });
    op.emit(DRIVE_CHANGED, { orgId: actor.orgId, driveId: row.driveId });
  });
}
