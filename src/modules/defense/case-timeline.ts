import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cents } from "../../platform/money";
import { users } from "../../platform/platform.schema";
import type { CaseEvent } from "./case-event";
import { eventsOfCase } from "./case-keys";
import { caseEvents } from "./defense.schema";
import { facilityNames } from "./facility-record";

/** One entry of one case's timeline, or null (another case's or organization's). */
export async function getCaseEvent(
  db: Db,
  orgId: string,
  caseId: string,
  eventId: string,
): Promise<{ id: string; kind: string } | null> {
  const [row] = await db
    .select({ id: caseEvents.id, kind: caseEvents.kind })
    .from(caseEvents)
    .where(eventsOfCase(orgId, caseId, eq(caseEvents.id, eventId)));
  return row ?? null;
}

/** A case's timeline, newest first, with facility names and who recorded each entry. */
export async function listCaseEvents(db: Db, orgId: string, caseId: string): Promise<CaseEvent[]> {
  const rows = await db
    .select()
    .from(caseEvents)
    .where(eventsOfCase(orgId, caseId))
    .orderBy(desc(caseEvents.occurredAt), desc(caseEvents.createdAt))
    .limit(500);
  const facilities = await facilityNames(
    db,
    orgId,
    rows.flatMap((r) => [r.facilityId, r.fromFacilityId]),
  );
  const userIds = [...new Set(rows.map((r) => r.recordedBy).filter((v): v is string => !!v))];
  const people = userIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  const userNames = new Map(people.map((u) => [u.id, u.name]));
  const facility = (id: string | null) => (id ? { id, name: facilities.get(id) ?? "" } : null);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    occurredAt: r.occurredAt,
    facility: facility(r.facilityId),
    fromFacility: facility(r.fromFacilityId),
    hearingKind: r.hearingKind,
    court: r.court,
    outcome: r.outcome,
    amountCents: r.amountCents === null ? null : cents(r.amountCents),
    currency: r.currency,
    note: r.note,
    recordedBy: r.recordedBy ? { id: r.recordedBy, name: userNames.get(r.recordedBy) ?? "" } : null,
    createdAt: r.createdAt,
  }));
}
