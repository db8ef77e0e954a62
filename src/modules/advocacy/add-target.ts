import { sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { getFacility } from "../defense/facility-record";
import { advocacyTargets } from "./advocacy.schema";
import { LIMITS, type Target, type TargetFields, TargetFieldsSchema } from "./call-campaign";
import { getTarget } from "./call-campaign-record";
import { lockCallCampaign, targetsOf } from "./lock-call-campaign";

export type TargetSource =
  | { from: "facility"; facilityId: string }
  | { from: "office"; fields: TargetFields };

/**
 * Adds a place to call or visit. From the directory, the facility's name, address, phones
 * and visiting hours are copied (never its notes, which are the organization's own);
 * later edits to the directory don't change the copy until it is refreshed.
 */
export async function addTarget(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  source: TargetSource,
): Promise<Target> {
  const fields =
    source.from === "facility" ? await fromDirectory(deps, actor, source) : source.fields;
  return runOperation(deps, actor, async (op) => {
    const tx = op.tx;
    const campaign = await lockCallCampaign(tx, actor.orgId, campaignId);
    const [stats] = await tx
      .select({
        n: sql<number>`count(*)`.mapWith(Number),
        last: sql<number>`coalesce(max(${advocacyTargets.position}), -1)`.mapWith(Number),
      })
      .from(advocacyTargets)
      .where(targetsOf(actor.orgId, campaignId));
    if ((stats?.n ?? 0) >= LIMITS.targets) throw invalid({ name: "too_many" });
    const [row] = await tx
      .insert(advocacyTargets)
      .values({
        orgId: actor.orgId,
        callCampaignId: campaignId,
        kind: fields.kind,
        facilityId: source.from === "facility" ? source.facilityId : null,
        name: fields.name,
        phones: fields.phones,
        address: fields.address,
        hours: fields.hours,
        position: (stats?.last ?? -1) + 1,
      })
      .returning({ id: advocacyTargets.id });
    if (!row) throw new Error("insert returned nothing");
    await op.audit(
      "advocacy_target.added",
      { type: "advocacy_target", id: row.id },
      { call_campaign_id: campaignId, kind: fields.kind, from: source.from },
    );
    op.emit("advocacy.changed", { orgId: actor.orgId, caseId: campaign.caseId });
    const target = await getTarget(tx, actor.orgId, campaignId, row.id);
    if (!target) throw notFound();
    return target;
  });
}

/** A directory entry as target fields; an unknown or another org's facility is a field error. */
export async function fromDirectory(
  deps: Deps,
  actor: Actor,
  source: { facilityId: string },
): Promise<TargetFields> {
  const facility = await getFacilitySafe(deps, actor.orgId, source.facilityId);
  if (!facility) throw invalid({ facility_id: "invalid_choice" });
  // The directory checks its own input, but phones there were typed for people to read:
  // parse again so only dialable numbers reach the public page.
  const parsed = TargetFieldsSchema.safeParse({
    kind: "facility",
    name: facility.name.slice(0, LIMITS.targetName),
    phones: facility.phones.slice(0, LIMITS.phones),
    address: facility.address?.slice(0, LIMITS.address) ?? null,
    hours: facility.visitingHours?.slice(0, LIMITS.hours) ?? null,
  });
  if (!parsed.success) throw invalid({ facility_id: "invalid" });
  return parsed.data;
}

function getFacilitySafe(deps: Deps, orgId: string, id: string) {
  return isUuid(id) ? getFacility(deps.db, orgId, id) : Promise.resolve(null);
}
