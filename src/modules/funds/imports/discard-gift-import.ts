import { ownRow } from "../../../db/columns";
import type { Actor, Deps } from "../../../platform/actor";
import { AppError, notFound } from "../../../platform/errors";
import { runOperation } from "../../../platform/operation";
import { giftImports } from "../gift-sources.schema";
import { getGiftImport } from "./gift-import-record";

/** Drops a preview that was never committed, with the rows it held. */
export async function discardGiftImport(
  deps: Deps,
  actor: Actor,
  input: { campaignId: string; importId: string },
): Promise<void> {
  await runOperation(deps, actor, async ({ tx, audit }) => {
    const imp = await getGiftImport(tx, actor.orgId, input.campaignId, input.importId);
    if (!imp) throw notFound();
    if (imp.status !== "previewed") throw new AppError("wrong_status");
    await tx.delete(giftImports).where(ownRow(giftImports, actor.orgId, imp.id));
    await audit("gift_import.discarded", { type: "gift_import", id: imp.id });
  });
}
