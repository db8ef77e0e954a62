import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { builtOnce } from "../../db/prepared";
import type { Bilingual } from "../../platform/bilingual";
import { notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { getHearing } from "../defense/hearing-lookup";
import type { EventKind, EventStatus } from "./action";
import { actionCohosts, actionEvents } from "./actions.schema";

// Reading events back into the domain shape, and who may see one: the host organization
// and its co-hosts (docs/decisions/055-action-cohosts.md).

export type ActionEvent = {
  id: string;
  orgId: string;
  slug: string;
  kind: EventKind;
  title: Bilingual;
  description: Bilingual;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  placeName: string | null;
  placeAddress: string | null;
  meetingPoint: string | null;
  expectedTurnout: number | null;
  public: boolean;
  status: EventStatus;
  caseId: string | null;
  campaignId: string | null;
  hearingId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

type EventRow = typeof actionEvents.$inferSelect;

export function toEvent(row: EventRow): ActionEvent {
  return {
    id: row.id,
    orgId: row.orgId,
    slug: row.slug,
    kind: row.kind,
    title: { es: row.titleEs, en: row.titleEn },
    description: { es: row.descriptionEs ?? "", en: row.descriptionEn ?? "" },
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    placeName: row.placeName,
    placeAddress: row.placeAddress,
    meetingPoint: row.meetingPoint,
    expectedTurnout: row.expectedTurnout,
    public: row.public,
    status: row.status,
    caseId: row.caseId,
    campaignId: row.campaignId,
    hearingId: row.hearingId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Court support follows its hearing: when the hearing is rescheduled, the action shows the
 * new time (same length) and the court as its place. Read through the defense module.
 */
export async function followHearing(db: Db, event: ActionEvent): Promise<ActionEvent> {
  if (event.kind !== "court_support" || !event.hearingId) return event;
  const hearing = await getHearing(db, event.orgId, event.hearingId);
  if (!hearing) return event;
  const length = event.endsAt.getTime() - event.startsAt.getTime();
  return {
    ...event,
    startsAt: hearing.at,
    endsAt: new Date(hearing.at.getTime() + length),
    placeName: hearing.court ?? event.placeName,
  };
}

/** The organization's own event, or null. */
export async function getHostedEvent(
  db: Db,
  orgId: string,
  id: string,
): Promise<ActionEvent | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(actionEvents)
    .where(and(eq(actionEvents.orgId, orgId), eq(actionEvents.id, id.toLowerCase())));
  return row ? followHearing(db, toEvent(row)) : null;
}

export type EventAccess = { event: ActionEvent; isHost: boolean };

// Every check-in and plan change reads the event first: built once (db/prepared.ts).
const eventById = builtOnce((db) =>
  db
    .select()
    .from(actionEvents)
    .where(eq(actionEvents.id, sql.placeholder("id"))),
);

/** The event if the organization hosts it or co-hosts it, or null. */
export async function getEventAccess(
  db: Db,
  orgId: string,
  id: string,
): Promise<EventAccess | null> {
  if (!isUuid(id)) return null;
  const eventId = id.toLowerCase();
  const [row] = await eventById(db, { id: eventId });
  if (!row) return null;
  if (row.orgId === orgId) return { event: await followHearing(db, toEvent(row)), isHost: true };
  const [cohost] = await db
    .select({ id: actionCohosts.id })
    .from(actionCohosts)
    .where(
      and(
        eq(actionCohosts.eventId, eventId),
        isNotNull(actionCohosts.cohostOrgId),
        eq(actionCohosts.cohostOrgId, orgId),
        // Invited is not yet in: nothing of the plan until the invitation is accepted.
        eq(actionCohosts.status, "accepted"),
      ),
    );
  if (!cohost) return null;
  return { event: await followHearing(db, toEvent(row)), isHost: false };
}

/** `requireX` throws: another organization's event (not co-hosted) is a 404. */
export async function requireEventAccess(db: Db, orgId: string, id: string): Promise<EventAccess> {
  const access = await getEventAccess(db, orgId, id);
  if (!access) throw notFound();
  return access;
}

export async function requireHostedEvent(db: Db, orgId: string, id: string): Promise<ActionEvent> {
  const event = await getHostedEvent(db, orgId, id);
  if (!event) throw notFound();
  return event;
}
