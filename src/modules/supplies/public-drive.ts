import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { getOrganizationBySlug, type Organization } from "../accounts/organization-record";
import { compareNeeds } from "./drive";
import { loadNeedFigures, type NeedWithFigures } from "./drive-figures";
import {
  type Drive,
  type DropOffPoint,
  getDriveBySlug,
  listNotAccepted,
  listPoints,
  type NotAccepted,
} from "./drive-record";

// What a drive's public page may show, and nothing more: never whom the drive serves
// (only the organizer's public text), never who pledged, never the team's notes.

export type PublicDrive = {
  org: Organization;
  drive: Pick<Drive, "id" | "slug" | "title" | "description" | "endsOn" | "open">;
  /** Still needed, urgent first. Needs with nothing missing are left out. */
  needs: NeedWithFigures[];
  points: DropOffPoint[];
  notAccepted: Array<NotAccepted & { pointName: string | null }>;
  lastUpdated: Date;
};

export async function loadPublicDrive(
  db: Db,
  orgSlug: string,
  slug: string,
  now = new Date(),
): Promise<PublicDrive | null> {
  const org = await getOrganizationBySlug(db, orgSlug);
  if (!org) return null;
  const drive = await getDriveBySlug(db, org.id, slug);
  if (!drive?.public) return null;
  const [needs, points, notAccepted, changed] = [
    await loadNeedFigures(db, org.id, drive.id, now),
    await listPoints(db, org.id, drive.id),
    await listNotAccepted(db, org.id, drive.id),
    await lastChange(db, org.id, drive.id),
  ];
  const active = points.filter((p) => p.active);
  const names = new Map(points.map((p) => [p.id, p.name]));
  return {
    org,
    drive: {
      id: drive.id,
      slug: drive.slug,
      title: drive.title,
      description: drive.description,
      endsOn: drive.endsOn,
      open: drive.open,
    },
    needs: needs.filter((n) => n.figures.stillNeeded > 0).sort(compareNeeds),
    points: active,
    // A "don't bring" line of a point that stopped receiving is moot.
    notAccepted: notAccepted
      .filter((n) => n.pointId === null || active.some((p) => p.id === n.pointId))
      .map((n) => ({ ...n, pointName: n.pointId ? (names.get(n.pointId) ?? null) : null })),
    lastUpdated: maxDate(drive.updatedAt, changed),
  };
}

function maxDate(a: Date, b: Date | null): Date {
  return b && b.getTime() > a.getTime() ? b : a;
}

async function lastChange(db: Db, orgId: string, driveId: string): Promise<Date | null> {
  const res = await db.execute<{ at: string | Date | null }>(sql`
    SELECT GREATEST(
      (SELECT MAX(created_at) FROM supply_movements WHERE org_id = ${orgId} AND drive_id = ${driveId}),
      (SELECT MAX(created_at) FROM supply_pledges WHERE org_id = ${orgId} AND drive_id = ${driveId}),
      (SELECT MAX(updated_at) FROM supply_needs WHERE org_id = ${orgId} AND drive_id = ${driveId}),
      (SELECT MAX(updated_at) FROM supply_drop_off_points WHERE org_id = ${orgId} AND drive_id = ${driveId})
    ) AS at`);
  const at = res.rows[0]?.at;
  return at ? new Date(at) : null;
}
