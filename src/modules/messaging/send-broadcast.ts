import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { loadAudience } from "./broadcast-audience";
import { broadcasts } from "./messaging.schema";
import { getSendSettings } from "./messaging-settings";
import { enqueue } from "./outbox-store";
import { render } from "./templates";
import "./messaging.errors";

/**
 * Queues a broadcast for everyone its segment reaches now (consent is checked again, and
 * once more by the worker just before each message goes out). Above the organization's
 * size limit it needs a second organizer's approval first. Sending twice queues nothing
 * new: each message's key is the broadcast and the person.
 */
export async function sendBroadcast(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ id: string; queued: number }> {
  const settings = await getSendSettings(deps.db, actor.orgId);
  if (!settings) throw notFound();
  const [found] = await deps.db
    .select()
    .from(broadcasts)
    .where(ownRow(broadcasts, actor.orgId, id));
  if (!found) throw notFound();
  const { recipients } = await loadAudience(
    deps.db,
    actor.orgId,
    found.segment,
    found.channel,
    settings.defaultLanguage,
  );
  if (recipients.length === 0) throw new AppError("no_recipients");
  if (recipients.length > settings.approvalLimit && !found.approvedBy) {
    throw new AppError("approval_required");
  }
  return runOperation(deps, actor, async (op) => {
    const queued = await enqueue(
      op.tx,
      recipients.map((r) => {
        const values = { name: r.displayName, org: settings.orgName };
        const subject = r.language === "en" ? found.subjectEn : found.subjectEs;
        return {
          orgId: actor.orgId,
          idempotencyKey: `broadcast:${id}:${r.id}:${found.channel}`,
          purpose: "broadcasts" as const,
          channel: found.channel,
          address: r.address,
          personId: r.id,
          language: r.language,
          subject: subject === null ? null : render(subject, values),
          body: render(r.language === "en" ? found.bodyEn : found.bodyEs, values),
          about: { broadcast: id },
        };
      }),
    );
    await op.tx
      .update(broadcasts)
      .set({ status: "queued", queuedAt: found.queuedAt ?? new Date() })
      .where(ownRow(broadcasts, actor.orgId, id));
    await op.audit("broadcast.queued", { type: "broadcast", id }, { queued });
    return { id, queued };
  });
}
