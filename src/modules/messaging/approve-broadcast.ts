import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { broadcasts } from "./messaging.schema";

/** A second organizer approves a large broadcast; the one who wrote it can't. */
export async function approveBroadcast(deps: Deps, actor: Actor, id: string): Promise<void> {
  await runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .select({ createdBy: broadcasts.createdBy, status: broadcasts.status })
      .from(broadcasts)
      .where(ownRow(broadcasts, actor.orgId, id))
      .for("update");
    if (!row) throw notFound();
    if (row.status !== "draft") throw new AppError("wrong_status");
    if (!actor.userId || row.createdBy === actor.userId) throw new AppError("self_approval");
    await op.tx
      .update(broadcasts)
      .set({ approvedBy: actor.userId })
      .where(ownRow(broadcasts, actor.orgId, id));
    await op.audit("broadcast.approved", { type: "broadcast", id });
  });
}
