import { and, desc, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Bilingual } from "../../platform/bilingual";
import type { EventStatus } from "./action";
import { actionAttendances, actionCohosts, actionEvents } from "./actions.schema";
import { attendedWhere } from "./attended";
import {
  type ActionEvent,
  followHearing,
  getEventAccess,
  getHostedEvent,
  toEvent,
} from "./event-record";

// For the messaging module: what a reminder says about an action and who is going, read
// through here so messaging never touches actions' tables. The organization is the one
// whose people said "going" (the host, or a co-host for its own people); a move or a
// cancellation reaches every organization's people through actionAudiences.

export type ActionForMessages = {
  id: string;
  orgId: string;
  title: Bilingual;
  startsAt: Date;
  timeZone: string;
  /** The place, address and meeting point as one line; null when none is set. */
  place: string | null;
  status: EventStatus;
  /** The organization's people who said "going" (or are already checked in). */
  goingPersonIds: string[];
};

const GOING = ["going", "attended"] as const;

function placeLine(e: {
  placeName: string | null;
  placeAddress: string | null;
  meetingPoint: string | null;
}): string | null {
  const parts = [e.placeName, e.placeAddress, e.meetingPoint].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** The action as one organization's messages describe it, with that organization's people. */
function forMessages(e: ActionEvent, orgId: string, goingPersonIds: string[]): ActionForMessages {
  return {
    id: e.id,
    orgId,
    title: e.title,
    startsAt: e.startsAt,
    timeZone: e.timeZone,
    place: placeLine(e),
    status: e.status,
    goingPersonIds,
  };
}

async function goingOf(db: Db, orgId: string, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({ eventId: actionAttendances.eventId, personId: actionAttendances.personId })
    .from(actionAttendances)
    .where(
      and(
        eq(actionAttendances.orgId, orgId),
        inArray(actionAttendances.eventId, eventIds),
        inArray(actionAttendances.status, [...GOING]),
      ),
    );
}

/** The action as its reminders describe it (time follows a rescheduled hearing), or null. */
export async function actionForMessages(
  db: Db,
  orgId: string,
  eventId: string,
): Promise<ActionForMessages | null> {
  const access = await getEventAccess(db, orgId, eventId);
  if (!access) return null;
  const e = access.event;
  const going = await goingOf(db, orgId, [e.id]);
  return forMessages(
    e,
    orgId,
    going.map((g) => g.personId),
  );
}

/**
 * The action as each organization's messages describe it: the host's, then each accepted
 * co-host's on this Amparo, each with only its own people going (decision 055: neither side
 * sees the other's people; each writes to its own with its own consent records). For what
 * everyone going must hear: a move, a cancellation, the periodic reminders.
 */
export async function actionAudiences(
  db: Db,
  hostOrgId: string,
  eventId: string,
): Promise<ActionForMessages[]> {
  const event = await getHostedEvent(db, hostOrgId, eventId);
  return event ? audiencesOf(db, event) : [];
}

async function audiencesOf(db: Db, e: ActionEvent): Promise<ActionForMessages[]> {
  const cohosts = await db
    .select({ orgId: actionCohosts.cohostOrgId })
    .from(actionCohosts)
    .where(
      and(
        eq(actionCohosts.eventId, e.id),
        isNotNull(actionCohosts.cohostOrgId),
        // Invited or declined is not in: nothing of the plan (decision 055).
        eq(actionCohosts.status, "accepted"),
      ),
    );
  const orgIds = [e.orgId, ...cohosts.flatMap((c) => (c.orgId ? [c.orgId] : []))];
  const going = await db
    .select({ orgId: actionAttendances.orgId, personId: actionAttendances.personId })
    .from(actionAttendances)
    .where(
      and(
        eq(actionAttendances.eventId, e.id),
        inArray(actionAttendances.orgId, orgIds),
        inArray(actionAttendances.status, [...GOING]),
      ),
    );
  return [...new Set(orgIds)].map((orgId) =>
    forMessages(
      e,
      orgId,
      going.filter((g) => g.orgId === orgId).map((g) => g.personId),
    ),
  );
}

/**
 * Planned actions starting in [from, to), with everyone going: one entry per organization
 * with people going, the host's and each co-host's (the reminder planner's periodic pass).
 */
export async function actionsAhead(db: Db, from: Date, to: Date): Promise<ActionForMessages[]> {
  const rows = await db
    .select()
    .from(actionEvents)
    .where(
      and(
        eq(actionEvents.status, "planned"),
        gte(actionEvents.startsAt, from),
        lt(actionEvents.startsAt, to),
      ),
    );
  const result: ActionForMessages[] = [];
  for (const row of rows) {
    const e = await followHearing(db, toEvent(row));
    for (const audience of await audiencesOf(db, e)) {
      if (audience.goingPersonIds.length > 0) result.push(audience);
    }
  }
  return result;
}

/**
 * People of the organization who came to (checked in at) an action: one action, or any
 * action that started in the last `days` days. For broadcast segments.
 */
export async function attendedPersonIds(
  db: Db,
  orgId: string,
  filter: { eventId: string } | { days: number },
  now = new Date(),
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ personId: actionAttendances.personId })
    .from(actionAttendances)
    .innerJoin(actionEvents, eq(actionEvents.id, actionAttendances.eventId))
    .where(
      attendedWhere(
        orgId,
        "eventId" in filter
          ? eq(actionAttendances.eventId, filter.eventId)
          : and(
              gte(actionEvents.startsAt, new Date(now.getTime() - filter.days * 86_400_000)),
              lt(actionEvents.startsAt, now),
            ),
      ),
    );
  return new Set(rows.map((r) => r.personId));
}

export type PastAction = { id: string; title: Bilingual; startsAt: Date };

/** The organization's own actions that already started, newest first (segment pickers). */
export async function pastActions(
  db: Db,
  orgId: string,
  limit = 30,
  now = new Date(),
): Promise<PastAction[]> {
  const rows = await db
    .select({
      id: actionEvents.id,
      titleEs: actionEvents.titleEs,
      titleEn: actionEvents.titleEn,
      startsAt: actionEvents.startsAt,
    })
    .from(actionEvents)
    .where(
      and(
        eq(actionEvents.orgId, orgId),
        lt(actionEvents.startsAt, now),
        inArray(actionEvents.status, ["planned", "done"]),
      ),
    )
    .orderBy(desc(actionEvents.startsAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    title: { es: r.titleEs, en: r.titleEn },
    startsAt: r.startsAt,
  }));
}
