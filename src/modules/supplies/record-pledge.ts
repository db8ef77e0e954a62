import { createHash, randomUUID } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { AppError, invalid, notFound } from "../../platform/errors";
import type { Operation } from "../../platform/operation";
import { dayInZone } from "../../platform/time";
import { orgTimeZone } from "../accounts/organization-record";
import { acceptsPledges, quantityFor } from "./drive";
import { loadNeedFigures } from "./drive-figures";
import { getDrivePoint, lockDrive } from "./drive-record";
import { lockNeed } from "./movement-record";
import type { Milli } from "./quantity";
import { type PledgeSource, supplyPledges } from "./supplies.schema";
import { DRIVE_CHANGED } from "./supplies-events";
import { pledgeExpiryDays } from "./supply-settings";

export type PledgeInput = {
  needId: string;
  quantity: number | string;
  pointId: string | null;
  dueOn: string | null;
  source: PledgeSource;
};

export type RecordedPledge = {
  id: string;
  needId: string;
  quantity: Milli;
  expiresAt: Date;
  repeated: boolean;
};

/** The same pledge sent again within this window (a double tap, a retried request) is one pledge. */
export const REPEAT_WINDOW_SECONDS = 60;

/**
 * The body every way of pledging shares (staff, API, public form), inside the caller's
 * operation: the drive must take pledges, the point must be receiving, and nobody may
 * pledge more than is still needed. Identical pledges within a minute come back as the
 * first one, whoever sends them and however many at once (an advisory lock on the
 * pledge's fingerprint puts them in line).
 */
export async function pledgeInOperation(
  op: Operation,
  actor: Actor,
  driveId: string,
  personKey: string,
  personId: () => Promise<string | null>,
  input: PledgeInput,
): Promise<RecordedPledge> {
  const tx: Db = op.tx;
  const drive = await lockDrive(tx, actor.orgId, driveId);
  if (!drive) throw notFound();
  const fingerprint = createHash("sha256")
    .update(
      [drive.id, input.needId, personKey, String(input.quantity).trim(), input.pointId ?? ""].join(
        "\u0000",
      ),
    )
    .digest("base64url");
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${fingerprint}))`);
  const since = new Date(Date.now() - REPEAT_WINDOW_SECONDS * 1000);
  const [earlier] = await tx
    .select()
    .from(supplyPledges)
    .where(
      and(
        eq(supplyPledges.orgId, actor.orgId),
        eq(supplyPledges.fingerprint, fingerprint),
        gt(supplyPledges.createdAt, since),
      ),
    )
    .limit(1);
  if (earlier) {
    return {
      id: earlier.id,
      needId: earlier.needId,
      quantity: earlier.quantityMilli as Milli,
      expiresAt: earlier.expiresAt,
      repeated: true,
    };
  }
  const zone = await orgTimeZone(tx, actor.orgId);
  if (!acceptsPledges(drive, dayInZone(new Date(), zone))) throw new AppError("drive_closed");
  const need = await lockNeed(tx, actor.orgId, drive.id, input.needId);
  if (!need) throw invalid({ needId: "invalid_choice" });
  if (input.pointId) {
    const point = await getDrivePoint(tx, actor.orgId, drive.id, input.pointId);
    if (!point) throw invalid({ pointId: "invalid_choice" });
    if (!point.active) throw invalid({ pointId: "point_inactive" });
  }
  const [figures] = await loadNeedFigures(tx, actor.orgId, drive.id, new Date(), need.id);
  if (!figures) throw invalid({ needId: "invalid_choice" });
  const quantity = quantityFor(input.quantity, figures.unit);
  if (!quantity.ok) throw invalid({ quantity: quantity.error });
  if (quantity.value > figures.figures.stillNeeded) throw invalid({ quantity: "more_than_needed" });
  const days = await pledgeExpiryDays(tx, actor.orgId);
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const id = randomUUID();
  await tx.insert(supplyPledges).values({
    id,
    orgId: actor.orgId,
    driveId: drive.id,
    needId: need.id,
    personId: await personId(),
    pointId: input.pointId,
    quantityMilli: quantity.value,
    dueOn: input.dueOn,
    expiresAt,
    source: input.source,
    fingerprint,
  });
  await op.audit(
    "supply_pledge.created",
    { type: "supply_pledge", id },
    { drive_id: drive.id, source: input.source },
  );
  op.emit(DRIVE_CHANGED, { orgId: actor.orgId, driveId: drive.id });
  return { id, needId: need.id, quantity: quantity.value, expiresAt, repeated: false };
}
