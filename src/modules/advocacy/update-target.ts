import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { fromDirectory } from "./add-target";
import { advocacyTargets } from "./advocacy.schema";
import type { Target, TargetFields } from "./call-campaign";
import { getTarget } from "./call-campaign-record";
import { lockCallCampaign, oneTarget, targetWritten } from "./lock-call-campaign";

/** Replaces a target's office data; the kind (facility or office) stays what it was. */
export async function updateTarget(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  targetId: string,
  fields: Omit<TargetFields, "kind">,
): Promise<Target> {
  return write(deps, actor, campaignId, targetId, "advocacy_target.updated", fields);
}

/** Copies the facility's current name, address, phones and hours again from the directory. */
export async function refreshTarget(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  targetId: string,
): Promise<Target> {
  const current = await getTarget(deps.db, actor.orgId, campaignId, targetId);
  if (!current?.facilityId) throw notFound();
  const fields = await fromDirectory(deps, actor, { facilityId: current.facilityId });
  return write(deps, actor, campaignId, targetId, "advocacy_target.refreshed", fields);
}

async function write(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  targetId: string,
  action: string,
  fields: Omit<TargetFields, "kind">,
): Promise<Target> {
  if (!isUuid(targetId)) throw notFound();
  return runOperation(deps, actor, async (op) => {
    const campaign = await lockCallCampaign(op.tx, actor.orgId, campaignId);
    const updated = await op.tx
      .update(advocacyTargets)
      .set({
        name: fields.name,
        phones: fields.phones,
        address: fields.address,
        hours: fields.hours,
        updatedAt: new Date(),
      })
      .where(oneTarget(actor.orgId, campaignId, targetId))
      .returning({ id: advocacyTargets.id });
    await targetWritten(op, campaignId, campaign.caseId, targetId, updated, action);
    const target = await getTarget(op.tx, actor.orgId, campaignId, targetId);
    if (!target) throw notFound();
    return target;
  });
}
