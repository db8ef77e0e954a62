import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { callCampaigns } from "./advocacy.schema";

/**
 * Locks the campaign row for the rest of the transaction, so changes to its targets are
 * applied one at a time (positions, the limit on targets). 404 when it isn't the org's.
 */
export async function lockCallCampaign(
  tx: Db,
  orgId: string,
  id: string,
): Promise<{ id: string; caseId: string }> {
  if (!isUuid(id)) throw notFound();
  const [row] = await tx
    .select({ id: callCampaigns.id, caseId: callCampaigns.caseId })
    .from(callCampaigns)
    .where(and(eq(callCampaigns.orgId, orgId), eq(callCampaigns.id, id)))
    .for("update");
  if (!row) throw notFound();
  return row;
}
