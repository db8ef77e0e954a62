import { and, eq, sql } from "drizzle-orm";
import type { Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { toE164 } from "./contact-point";
import { keywordLanguage, parseKeyword } from "./keywords";
import { consentRecords, outbox } from "./messaging.schema";
import { noticeText } from "./messaging-notices.messages";
import { getSendSettings } from "./messaging-settings";
import { enqueue } from "./outbox-store";
import { requestActor, restartContactPoint, stopContactPoint } from "./stop-contact-point";

/**
 * An inbound text (already verified as Twilio's). The Twilio number is the instance's, so
 * a keyword applies in every organization that has this number: STOP stops them all.
 * Anything that isn't a keyword is not stored (least data).
 */
export async function handleInboundSms(
  deps: Deps,
  inbound: { from: string; body: string; messageSid: string },
): Promise<"stop" | "start" | "help" | "ignored"> {
  const keyword = parseKeyword(inbound.body);
  const address = toE164(inbound.from);
  if (!keyword || !address) return "ignored";
  const point = { channel: "sms" as const, address };
  const language = keywordLanguage(inbound.body);
  const orgs = await deps.db.execute<{ org_id: string }>(sql`
    SELECT org_id FROM ${consentRecords} WHERE channel = 'sms' AND address = ${address}
    UNION SELECT org_id FROM ${outbox} WHERE channel = 'sms' AND address = ${address}`);
  for (const { org_id: orgId } of orgs.rows) {
    if (keyword === "stop") {
      await stopContactPoint(deps, orgId, point, {
        source: "sms_keyword",
        language,
        ref: inbound.messageSid,
      });
    } else if (keyword === "start") {
      await restartContactPoint(deps, orgId, point);
    } else {
      const settings = await getSendSettings(deps.db, orgId);
      if (!settings) continue;
      await runOperation(deps, requestActor(orgId), async (op) => {
        await enqueue(op.tx, [
          {
            orgId,
            idempotencyKey: `help:${inbound.messageSid}`,
            purpose: "help_reply",
            channel: "sms",
            address,
            personId: null,
            language,
            subject: null,
            body: noticeText[language].help_sms(settings.orgName),
            essential: true,
          },
        ]);
        await op.audit("messaging.help_answered", { type: "contact_point" }, { channel: "sms" });
      });
    }
  }
  return keyword;
}

/** The outbox message a one-click link names: where it went, in which organization. */
export async function messageDestination(deps: Deps, messageId: string) {
  const [row] = await deps.db
    .select({
      orgId: outbox.orgId,
      channel: outbox.channel,
      address: outbox.address,
      language: outbox.language,
    })
    .from(outbox)
    .where(and(eq(outbox.id, messageId)));
  return row ?? null;
}
