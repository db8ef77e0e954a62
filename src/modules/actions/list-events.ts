import { and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupBy } from "../../platform/group-by";
import { fold } from "../../platform/text";
import { holdsEvery } from "../../platform/text-search";
import { getPersonSummaries } from "../people/person-summaries";
import { isOrganizerLevel } from "./action";
import {
  actionAttendances,
  actionChants,
  actionCohosts,
  actionEvents,
  actionMaterials,
  actionPairs,
  actionRoles,
  actionSteps,
} from "./actions.schema";
import { type ActionEvent, followHearing, toEvent } from "./event-record";
import { noOpenLessons, type OpenLessonsFn } from "./load-plan";
import { readiness } from "./readiness";
import { peoplePerMarshal } from "./set-marshal-ratio";

// The actions an organization hosts or co-hosts, with search, and how many things each
// plan still misses (readiness, computed for the whole page at once).

export type EventWhen = "upcoming" | "past" | "all";
export type EventListQuery = { q?: string; when?: EventWhen; page?: number; perPage?: number };
export type EventListItem = ActionEvent & { isHost: boolean; missing: number };
export type EventList = { items: EventListItem[]; total: number; page: number; perPage: number };

export async function listEvents(
  db: Db,
  orgId: string,
  query: EventListQuery = {},
  options: { openLessons?: OpenLessonsFn; now?: Date } = {},
): Promise<EventList> {
  const perPage = Math.min(Math.max(query.perPage ?? 25, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  const now = options.now ?? new Date();
  const when = query.when ?? "all";
  const cohosted = db
    .select({ id: actionCohosts.eventId })
    .from(actionCohosts)
    .where(and(eq(actionCohosts.cohostOrgId, orgId), eq(actionCohosts.status, "accepted")));
  const terms = fold(query.q ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  const where = and(
    or(eq(actionEvents.orgId, orgId), inArray(actionEvents.id, cohosted)),
    ...holdsEvery(actionEvents.searchText, terms),
    when === "upcoming" ? gte(actionEvents.endsAt, now) : undefined,
    when === "past" ? lt(actionEvents.endsAt, now) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(actionEvents)
      .where(where)
      .orderBy(
        when === "upcoming" ? asc(actionEvents.startsAt) : desc(actionEvents.startsAt),
        asc(actionEvents.id),
      )
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(actionEvents).where(where),
  ]);
  const events = await Promise.all(rows.map((r) => followHearing(db, toEvent(r))));
  const missing = await missingCounts(db, events, options.openLessons ?? noOpenLessons);
  return {
    items: events.map((e) => ({
      ...e,
      isHost: e.orgId === orgId,
      missing: missing.get(e.id) ?? 0,
    })),
    total: Number(count?.n ?? 0),
    page,
    perPage,
  };
}

/** How many readiness gaps each event has, with one query per part of the plan. */
export async function missingCounts(
  db: Db,
  events: readonly ActionEvent[],
  openLessons: OpenLessonsFn = noOpenLessons,
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (events.length === 0) return result;
  const ids = events.map((e) => e.id);
  const [roles, materials, chants, steps, pairs, attendees] = await Promise.all([
    db.select().from(actionRoles).where(inArray(actionRoles.eventId, ids)),
    db.select().from(actionMaterials).where(inArray(actionMaterials.eventId, ids)),
    db.select().from(actionChants).where(inArray(actionChants.eventId, ids)),
    db.select().from(actionSteps).where(inArray(actionSteps.eventId, ids)),
    db.select().from(actionPairs).where(inArray(actionPairs.eventId, ids)),
    db
      .select({
        eventId: actionAttendances.eventId,
        orgId: actionAttendances.orgId,
        personId: actionAttendances.personId,
        status: actionAttendances.status,
      })
      .from(actionAttendances)
      .where(inArray(actionAttendances.eventId, ids)),
  ]);
  const byOrg = groupBy(
    attendees,
    (a) => a.orgId,
    (a) => a.personId,
  );
  const organizer = new Map<string, boolean>();
  for (const [org, personIds] of byOrg) {
    for (const s of (await getPersonSummaries(db, org, personIds)).values()) {
      organizer.set(s.id, isOrganizerLevel(s.engagementLevel));
    }
  }
  const ratios = new Map<string, number>();
  for (const e of events) {
    if (!ratios.has(e.orgId)) ratios.set(e.orgId, await peoplePerMarshal(db, e.orgId));
    const of = <T extends { eventId: string }>(rows: T[]) => rows.filter((r) => r.eventId === e.id);
    const lessons = await openLessons({ db, orgId: e.orgId, eventId: e.id, kind: e.kind });
    const r = readiness({
      expectedTurnout: e.expectedTurnout,
      peoplePerMarshal: ratios.get(e.orgId) ?? 15,
      roles: of(roles),
      materials: of(materials),
      chants: of(chants),
      steps: of(steps),
      pairs: of(pairs),
      attendees: of(attendees).map((a) => ({
        ...a,
        organizer: organizer.get(a.personId) ?? false,
      })),
      openLessons: lessons,
    });
    result.set(e.id, r.missing.length);
  }
  return result;
}
