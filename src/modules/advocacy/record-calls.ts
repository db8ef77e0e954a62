import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { dayInZone } from "../../platform/time";
import { orgTimeZone } from "../accounts/organization-record";
import { advocacyCallCounts } from "./advocacy.schema";
import { getCallCampaign } from "./call-campaign-record";

/**
 * `count` more calls on a campaign's counter for `day` (the row made on the first call):
 * the day and its new total. The one write of both the anonymous "I called" and a report.
 */
export async function addToDayCount(
  tx: Db,
  orgId: string,
  campaignId: string,
  day: string,
  count: number,
): Promise<{ day: string; count: number }> {
  const [row] = await tx
    .insert(advocacyCallCounts)
    .values({ orgId, callCampaignId: campaignId, day, count })
    .onConflictDoUpdate({
      target: [advocacyCallCounts.orgId, advocacyCallCounts.callCampaignId, advocacyCallCounts.day],
      set: { count: sql`${advocacyCallCounts.count} + ${count}` },
    })
    .returning({ day: advocacyCallCounts.day, count: advocacyCallCounts.count });
  if (!row) throw new Error("upsert returned nothing");
  return row;
}

/** The most calls one report may add (a phone bank's evening, not a typo of 100,000). */
export const MAX_REPORTED_CALLS = 1000;

/**
 * A team member reports calls made (a phone bank's tally): `count` more on a day's counter,
 * today in the organization's zone unless a day is given. Only counts are kept, never who
 * called, as for the anonymous "I called". Audited; closed campaigns take reports too (the
 * calls were made while it was open).
 */
export async function recordCalls(
  deps: Deps,
  actor: Actor,
  input: { campaignId: string; count: number; day?: string | null; at?: Date },
): Promise<{ day: string; dayCount: number }> {
  return runOperation(deps, actor, async (op) => {
    const campaign = await getCallCampaign(op.tx, actor.orgId, input.campaignId);
    if (!campaign) throw notFound();
    const day =
      input.day ?? dayInZone(input.at ?? new Date(), await orgTimeZone(op.tx, actor.orgId));
    const row = await addToDayCount(op.tx, actor.orgId, campaign.id, day, input.count);
    await op.audit(
      "call_campaign.calls_recorded",
      { type: "call_campaign", id: campaign.id },
      { day, count: input.count },
    );
    op.emit("advocacy.changed", { orgId: actor.orgId, caseId: campaign.caseId });
    return { day: row.day, dayCount: row.count };
  });
}
