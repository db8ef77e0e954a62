import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { publicPageLinks } from "../../db/columns";
import type { Bilingual } from "../../platform/bilingual";
import { holds } from "../../platform/text-search";
import { dateText } from "./drive-figures";
import {
  type ReceivingHours,
  type Serves,
  supplyDrives,
  supplyDropOffPoints,
  supplyNotAccepted,
} from "./supplies.schema";

// Reading drives, drop-off points and "not accepted" lists, always scoped to one org.

export type Drive = {
  id: string;
  slug: string;
  title: Bilingual;
  description: Bilingual;
  serves: Serves;
  servesNote: string | null;
  caseId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  open: boolean;
  public: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type DropOffPoint = {
  id: string;
  name: string;
  address: string | null;
  hours: ReceivingHours[];
  active: boolean;
};

export type NotAccepted = { id: string; pointId: string | null; text: Bilingual };

type DriveRow = typeof supplyDrives.$inferSelect;

export function toDrive(r: DriveRow): Drive {
  return {
    id: r.id,
    slug: r.slug,
    title: { es: r.titleEs, en: r.titleEn },
    description: { es: r.descriptionEs ?? "", en: r.descriptionEn ?? "" },
    serves: r.serves,
    servesNote: r.servesNote,
    caseId: r.caseId,
    startsOn: dateText(r.startsOn),
    endsOn: dateText(r.endsOn),
    open: r.open,
    public: r.public,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The rows (made with driveRow()) of one of the organization's drives that also meet `more`. */
export const ofDrive = (
  table: { orgId: AnyPgColumn; driveId: AnyPgColumn },
  orgId: string,
  driveId: string,
  ...more: SQL[]
) => and(eq(table.orgId, orgId), eq(table.driveId, driveId), ...more);

/** The organization's drives that also meet `where`. */
const drivesWhere = (db: Db, orgId: string, where: SQL) =>
  db
    .select()
    .from(supplyDrives)
    .where(and(eq(supplyDrives.orgId, orgId), where));

export async function getDrive(db: Db, orgId: string, id: string): Promise<Drive | null> {
  const [row] = await drivesWhere(db, orgId, eq(supplyDrives.id, id));
  return row ? toDrive(row) : null;
}

/** Locks the drive row so two writers to one drive go one after the other. */
export async function lockDrive(tx: Db, orgId: string, id: string): Promise<Drive | null> {
  const [row] = await drivesWhere(tx, orgId, eq(supplyDrives.id, id)).for("update");
  return row ? toDrive(row) : null;
}

export async function getDriveBySlug(db: Db, orgId: string, slug: string): Promise<Drive | null> {
  const [row] = await drivesWhere(db, orgId, eq(supplyDrives.slug, slug));
  return row ? toDrive(row) : null;
}

export async function listDrives(
  db: Db,
  orgId: string,
  options: { q?: string; limit?: number; offset?: number } = {},
): Promise<{ drives: Drive[]; total: number }> {
  const q = options.q?.trim() ?? "";
  const where = q
    ? and(eq(supplyDrives.orgId, orgId), holds(supplyDrives.searchText, q))
    : eq(supplyDrives.orgId, orgId);
  const rows = await db
    .select()
    .from(supplyDrives)
    .where(where)
    .orderBy(desc(supplyDrives.open), desc(supplyDrives.createdAt), asc(supplyDrives.id))
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(supplyDrives)
    .where(where);
  return { drives: rows.map(toDrive), total: Number(count?.n ?? 0) };
}

/** The organization's open public drives, newest first: the links on its public home page. */
export async function listPublicDrives(
  db: Db,
  orgId: string,
): Promise<Array<Pick<Drive, "slug" | "title">>> {
  return publicPageLinks(db, supplyDrives, orgId);
}

export async function listPoints(db: Db, orgId: string, driveId: string): Promise<DropOffPoint[]> {
  const rows = await db
    .select()
    .from(supplyDropOffPoints)
    .where(ofDrive(supplyDropOffPoints, orgId, driveId))
    .orderBy(asc(supplyDropOffPoints.position), asc(supplyDropOffPoints.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    address: r.address,
    hours: r.hours,
    active: r.active,
  }));
}

/**
 * A drop-off point of this drive, or null (another drive's or organization's is null too):
 * what a form's chosen point is checked against.
 */
export async function getDrivePoint(
  db: Db,
  orgId: string,
  driveId: string,
  pointId: string,
): Promise<{ active: boolean } | null> {
  const [point] = await db
    .select({ active: supplyDropOffPoints.active })
    .from(supplyDropOffPoints)
    .where(ofDrive(supplyDropOffPoints, orgId, driveId, eq(supplyDropOffPoints.id, pointId)));
  return point ?? null;
}

export async function listNotAccepted(
  db: Db,
  orgId: string,
  driveId: string,
): Promise<NotAccepted[]> {
  const rows = await db
    .select()
    .from(supplyNotAccepted)
    .where(ofDrive(supplyNotAccepted, orgId, driveId))
    .orderBy(asc(supplyNotAccepted.createdAt), asc(supplyNotAccepted.id));
  return rows.map((r) => ({ id: r.id, pointId: r.pointId, text: { es: r.textEs, en: r.textEn } }));
}
