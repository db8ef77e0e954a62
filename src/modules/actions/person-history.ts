import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { AttendanceStatus, EventKind, RoleKind } from "./action";
import { actionAttendances, actionEvents, actionRoles } from "./actions.schema";
import { attendedWhere } from "./attended";

// What other modules may know about people's part in actions: the person page and
// "grow leaders" (reviews), reminders (messaging). Only the organization's own rows.

export type AttendanceHistoryItem = {
  eventId: string;
  title: { es: string; en: string };
  kind: EventKind;
  startsAt: Date;
  status: AttendanceStatus;
  checkedInAt: Date | null;
};

/** The actions a person was invited to or came to, newest first. */
export async function attendanceHistory(
  db: Db,
  orgId: string,
  personId: string,
  limit = 200,
): Promise<AttendanceHistoryItem[]> {
  const rows = await db
    .select({
      eventId: actionEvents.id,
      titleEs: actionEvents.titleEs,
      titleEn: actionEvents.titleEn,
      kind: actionEvents.kind,
      startsAt: actionEvents.startsAt,
      status: actionAttendances.status,
      checkedInAt: actionAttendances.checkedInAt,
    })
    .from(actionAttendances)
    .innerJoin(actionEvents, eq(actionEvents.id, actionAttendances.eventId))
    .where(and(eq(actionAttendances.orgId, orgId), eq(actionAttendances.personId, personId)))
    .orderBy(desc(actionEvents.startsAt))
    .limit(limit);
  return rows.map(({ titleEs, titleEn, ...r }) => ({ ...r, title: { es: titleEs, en: titleEn } }));
}

export type RoleHistoryItem = {
  eventId: string;
  personId: string;
  title: { es: string; en: string };
  kind: EventKind;
  startsAt: Date;
  role: RoleKind;
  customName: string | null;
};

/** Every role held by these people (or by everyone in the organization), newest first. */
export async function roleHistory(
  db: Db,
  orgId: string,
  personIds?: readonly string[],
): Promise<RoleHistoryItem[]> {
  if (personIds && personIds.length === 0) return [];
  const rows = await db
    .select({
      eventId: actionEvents.id,
      personId: actionRoles.personId,
      titleEs: actionEvents.titleEs,
      titleEn: actionEvents.titleEn,
      kind: actionEvents.kind,
      startsAt: actionEvents.startsAt,
      role: actionRoles.role,
      customName: actionRoles.customName,
    })
    .from(actionRoles)
    .innerJoin(actionEvents, eq(actionEvents.id, actionRoles.eventId))
    .where(
      and(
        eq(actionRoles.orgId, orgId),
        personIds ? inArray(actionRoles.personId, [...personIds]) : undefined,
      ),
    )
    .orderBy(desc(actionEvents.startsAt));
  return rows.map(({ titleEs, titleEn, ...r }) => ({ ...r, title: { es: titleEs, en: titleEn } }));
}

/** How many actions each person attended (checked in) since `since`: engagement suggestions. */
export async function attendedCounts(
  db: Db,
  orgId: string,
  since: Date,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ personId: actionAttendances.personId, n: sql<number>`count(*)::int` })
    .from(actionAttendances)
    .innerJoin(actionEvents, eq(actionEvents.id, actionAttendances.eventId))
    .where(attendedWhere(orgId, gte(actionEvents.startsAt, since)))
    .groupBy(actionAttendances.personId);
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

export type UpcomingWithRsvps = {
  eventId: string;
  orgId: string;
  slug: string;
  title: { es: string; en: string };
  startsAt: Date;
  timeZone: string;
  placeName: string | null;
  rsvps: { personId: string; status: AttendanceStatus }[];
};

/** Planned actions starting in [from, to) with the organization's people who said going or maybe. */
export async function upcomingEventsWithRsvps(
  db: Db,
  orgId: string,
  from: Date,
  to: Date,
): Promise<UpcomingWithRsvps[]> {
  const events = await db
    .select()
    .from(actionEvents)
    .where(
      and(
        eq(actionEvents.orgId, orgId),
        eq(actionEvents.status, "planned"),
        gte(actionEvents.startsAt, from),
        lt(actionEvents.startsAt, to),
      ),
    )
    .orderBy(actionEvents.startsAt);
  if (events.length === 0) return [];
  const rsvps = await db
    .select({
      eventId: actionAttendances.eventId,
      personId: actionAttendances.personId,
      status: actionAttendances.status,
    })
    .from(actionAttendances)
    .where(
      and(
        eq(actionAttendances.orgId, orgId),
        inArray(
          actionAttendances.eventId,
          events.map((e) => e.id),
        ),
        inArray(actionAttendances.status, ["going", "maybe"]),
      ),
    );
  return events.map((e) => ({
    eventId: e.id,
    orgId: e.orgId,
    slug: e.slug,
    title: { es: e.titleEs, en: e.titleEn },
    startsAt: e.startsAt,
    timeZone: e.timeZone,
    placeName: e.placeName,
    rsvps: rsvps
      .filter((r) => r.eventId === e.id)
      .map(({ personId, status }) => ({ personId, status })),
  }));
}
