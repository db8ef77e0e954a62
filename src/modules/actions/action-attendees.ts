import { and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Bilingual } from "../../platform/bilingual";
import type { EventStatus } from "./action";
import { actionAttendances, actionEvents } from "./actions.schema";
import { followHearing, getEventAccess, toEvent } from "./event-record";

// For the messaging module: what a reminder says about an action and who is going, read
// through here so messaging never touches actions' tables. The organization is the one
// whose people said "going" (the host, or a co-host for its own people).

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
  return {
    id: e.id,
    orgId,
    title: e.title,
    startsAt: e.startsAt,
    timeZone: e.timeZone,
    place: placeLine(e),
    status: e.status,
    goingPersonIds: going.map((g) => g.personId),
  };
}

/**
 * Planned actions starting in [from, to), in every organization that hosts them, with the
 * host's people going (the reminder planner's periodic pass). Co-hosts' people are reached
 * through their own RSVPs (actionForMessages).
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
    const going = await goingOf(db, e.orgId, [e.id]);
    if (going.length === 0) continue;
    result.push({
      id: e.id,
      orgId: e.orgId,
      title: e.title,
      startsAt: e.startsAt,
      timeZone: e.timeZone,
      place: placeLine(e),
      status: e.status,
      goingPersonIds: going.map((g) => g.personId),
    });
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
      and(
        eq(actionAttendances.orgId, orgId),
        eq(actionAttendances.status, "attended"),
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
