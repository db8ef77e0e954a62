import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { isStopped } from "./consent";
import { consentAt } from "./consent-record";
import type { ContactPoint } from "./contact-point";
import { consentRecords } from "./messaging.schema";
import { noticeText } from "./messaging-notices.messages";
import { getSendSettings } from "./messaging-settings";
import { enqueue } from "./outbox-store";

/** The system acting on a person's own request (a STOP text, a one-click unsubscribe). */
export const requestActor = (orgId: string): Actor => ({ orgId, userId: null, role: "owner" });

/**
 * A global stop for one contact point: every non-essential message to it stops (the
 * worker checks before each send), and the person gets one confirmation. A second stop
 * changes nothing and sends nothing. Returns whether this call stopped it.
 */
export async function stopContactPoint(
  deps: Deps,
  orgId: string,
  point: ContactPoint,
  request: { source: "sms_keyword" | "email_one_click"; language: "es" | "en"; ref: string },
): Promise<boolean> {
  const settings = await getSendSettings(deps.db, orgId);
  if (!settings) return false;
  return runOperation(deps, requestActor(orgId), async (op) => {
    const records = await consentAt(op.tx, orgId, point);
    if (isStopped(records)) return false;
    await op.tx.insert(consentRecords).values({
      orgId,
      channel: point.channel,
      address: point.address,
      purpose: "all",
      action: "revoke",
      source: request.source,
      language: request.language,
    });
    const t = noticeText[request.language];
    await enqueue(op.tx, [
      {
        orgId,
        idempotencyKey: `stop:${point.channel}:${point.address}:${request.ref}`,
        purpose: "stop_confirmation",
        channel: point.channel,
        address: point.address,
        personId: null,
        language: request.language,
        subject: point.channel === "email" ? t.stop_email_subject(settings.orgName) : null,
        body:
          point.channel === "email"
            ? t.stop_email_body(settings.orgName)
            : t.stop_sms(settings.orgName),
        essential: true,
      },
    ]);
    await op.audit(
      "consent.stopped",
      { type: "contact_point" },
      { channel: point.channel, source: request.source },
    );
    return true;
  });
}

/** START: lifts a stop (earlier grants count again); no message is sent. */
export async function restartContactPoint(deps: Deps, orgId: string, point: ContactPoint) {
  await runOperation(deps, requestActor(orgId), async (op) => {
    const records = await consentAt(op.tx, orgId, point);
    if (!isStopped(records)) return;
    await op.tx.insert(consentRecords).values({
      orgId,
      channel: point.channel,
      address: point.address,
      purpose: "all",
      action: "grant",
      source: "sms_keyword",
    });
    await op.audit("consent.restarted", { type: "contact_point" }, { channel: point.channel });
  });
}
