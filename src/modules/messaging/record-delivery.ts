import { and, eq, sql } from "drizzle-orm";
import type { Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { markBounced } from "./consent-record";
import { type DeliveryStatus, outbox } from "./messaging.schema";
import { requestActor } from "./stop-contact-point";

// Twilio's status callback: what happened to an SMS after Twilio took it. Idempotent:
// the same report twice changes nothing, and a final status (delivered, undelivered,
// failed) is never replaced by "sent" arriving late.

/** Twilio error codes that say the number can't get texts at all: a hard bounce. */
const UNREACHABLE = new Set(["30005", "30006", "21610", "21614"]);
const FINAL: readonly DeliveryStatus[] = ["delivered", "undelivered", "failed"];

export function deliveryStatusOf(raw: string | undefined): DeliveryStatus | null {
  switch (raw) {
    case "sent":
    case "delivered":
    case "undelivered":
    case "failed":
      return raw;
    default:
      // queued, sending, accepted, scheduled, read...: nothing to record.
      return null;
  }
}

export type DeliveryReport = { sid: string; status: DeliveryStatus; errorCode: string | null };

/** Records a delivery report; returns false when no message has that provider id. */
export async function recordDelivery(deps: Deps, report: DeliveryReport): Promise<boolean> {
  const [row] = await deps.db
    .select({
      id: outbox.id,
      orgId: outbox.orgId,
      channel: outbox.channel,
      address: outbox.address,
      deliveryStatus: outbox.deliveryStatus,
      deliveryError: outbox.deliveryError,
    })
    .from(outbox)
    .where(and(eq(outbox.providerId, report.sid), eq(outbox.channel, "sms")));
  if (!row) return false;
  const error = report.errorCode && /^\d{1,6}$/.test(report.errorCode) ? report.errorCode : null;
  const unchanged =
    row.deliveryStatus === report.status && (row.deliveryError ?? null) === (error ?? null);
  const regress =
    row.deliveryStatus !== null &&
    FINAL.includes(row.deliveryStatus) &&
    !FINAL.includes(report.status);
  if (unchanged || regress) return true;
  await runOperation(deps, requestActor(row.orgId), async (op) => {
    await op.tx
      .update(outbox)
      .set({ deliveryStatus: report.status, deliveryError: error, deliveryAt: sql`now()` })
      .where(eq(outbox.id, row.id));
    if (error && UNREACHABLE.has(error) && report.status !== "delivered") {
      await markBounced(op.tx, row.orgId, row, `twilio_${error}`);
    }
    await op.audit(
      "messaging.delivery_reported",
      { type: "message", id: row.id },
      { status: report.status, ...(error ? { error } : {}) },
    );
  });
  return true;
}
