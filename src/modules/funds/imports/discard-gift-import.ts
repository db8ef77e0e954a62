import { ownRow } from "../../../db/columns";
import type { Actor, Deps } from "../../../platform/actor";
import { runOperation } from "../../../platform/operation";
import { giftImports } from "../gift-sources.schema";
import { requirePreviewedImport } from "./gift-import-record";

/** Drops a preview that was never committed, with the rows it held. */
export async function discardGiftImport(
  deps: Deps,
  actor: Actor,
  input: { campaignId: string; importId: string },
): Promise<void> {
  await runOperation(deps, actor, async ({ tx, audit }) => {
    const imp = await requirePreviewedImport(tx, actor.orgId, input.campaignId, input.importId);
    await tx.delete(giftImports).where(ownRow(giftImports, actor.orgId, imp.id));
    await audit("gift_import.discarded", { type: "gift_import", id: imp.id });
  });
}
