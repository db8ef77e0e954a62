import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import type { Operation } from "../../platform/operation";
import { advocacyTargets, callCampaigns } from "./advocacy.schema";

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
    .where(ownRow(callCampaigns, orgId, id))
    .for("update");
  if (!row) throw notFound();
  return row;
}

/** The targets of one of the organization's campaigns that also meet `more`. */
export const targetsOf = (orgId: string, campaignId: string, ...more: SQL[]) =>
  and(eq(advocacyTargets.orgId, orgId), eq(advocacyTargets.callCampaignId, campaignId), ...more);

/** Where one target of one of the organization's campaigns is. */
export const oneTarget = (orgId: string, campaignId: string, targetId: string) =>
  targetsOf(orgId, campaignId, eq(advocacyTargets.id, targetId));

/**
 * After a target was written (`rows`: what the write returned): 404 when there was none,
 * else its audit row and the change the case's pages hear.
 */
export async function targetWritten(
  op: Operation,
  campaignId: string,
  caseId: string,
  targetId: string,
  rows: unknown[],
  action: string,
): Promise<void> {
  if (rows.length === 0) throw notFound();
  await op.audit(
    action,
    { type: "advocacy_target", id: targetId },
    { call_campaign_id: campaignId },
  );
  op.emit("advocacy.changed", { orgId: op.actor.orgId, caseId });
}
