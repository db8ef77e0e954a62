import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { type BroadcastInput, checkBroadcast } from "./broadcast";
import { loadAudience } from "./broadcast-audience";
import { broadcasts, type Excluded } from "./messaging.schema";
import { getSendSettings } from "./messaging-settings";
import "./messaging.errors";

export type BroadcastPreview = { id: string; recipients: number; excluded: Excluded };

/**
 * Saves a broadcast as a draft with its preview: how many people it would reach and why
 * the others would not. Nothing is queued. A segment that reaches nobody is refused.
 */
export async function createBroadcast(
  deps: Deps,
  actor: Actor,
  input: BroadcastInput,
): Promise<BroadcastPreview> {
  checkBroadcast(input);
  const settings = await getSendSettings(deps.db, actor.orgId);
  if (!settings) throw notFound();
  const segment = {
    ...(input.segment.tags ? { tags: input.segment.tags } : {}),
    ...(input.segment.engagement_levels
      ? { engagement_levels: input.segment.engagement_levels }
      : {}),
    ...(input.segment.languages ? { languages: input.segment.languages } : {}),
    ...(input.segment.attended ? { attended: input.segment.attended } : {}),
  };
  const { recipients, excluded } = await loadAudience(
    deps.db,
    actor.orgId,
    segment,
    input.channel,
    settings.defaultLanguage,
  );
  if (recipients.length === 0) throw new AppError("no_recipients");
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .insert(broadcasts)
      .values({
        orgId: actor.orgId,
        channel: input.channel,
        segment,
        subjectEs: input.subject?.es ?? null,
        subjectEn: input.subject?.en ?? null,
        bodyEs: input.body.es,
        bodyEn: input.body.en,
        recipients: recipients.length,
        excluded,
        createdBy: actor.userId,
      })
      .returning({ id: broadcasts.id });
    if (!row) throw new Error("insert returned nothing");
    await op.audit(
      "broadcast.created",
      { type: "broadcast", id: row.id },
      {
        channel: input.channel,
        recipients: recipients.length,
      },
    );
    return { id: row.id, recipients: recipients.length, excluded };
  });
}
