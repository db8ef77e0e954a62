import { and, asc, eq, gte, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents } from "./defense.schema";

// For modules that follow a hearing (actions: court support) without reading case tables.
// Only the time and the court: nothing about the person or the case's sensitive fields.

export type HearingRef = { id: string; caseId: string; at: Date; court: string | null };

const columns = {
  id: caseEvents.id,
  caseId: caseEvents.caseId,
  at: caseEvents.occurredAt,
  court: caseEvents.court,
};

/** The organization's scheduled hearings that also meet `where`. */
const hearingsWhere = (db: Db, orgId: string, ...where: SQL[]) =>
  db
    .select(columns)
    .from(caseEvents)
    .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.kind, "hearing_scheduled"), ...where));

/** A scheduled hearing of the organization, or null. */
export async function getHearing(db: Db, orgId: string, id: string): Promise<HearingRef | null> {
  const [row] = await hearingsWhere(db, orgId, eq(caseEvents.id, id));
  return row ?? null;
}

/** The case's next scheduled hearing from `from` on (a moved hearing is a new entry). */
export async function nextHearingOfCase(
  db: Db,
  orgId: string,
  caseId: string,
  from: Date,
): Promise<HearingRef | null> {
  const [row] = await hearingsWhere(
    db,
    orgId,
    eq(caseEvents.caseId, caseId),
    gte(caseEvents.occurredAt, from),
  )
    .orderBy(asc(caseEvents.occurredAt))
    .limit(1);
  return row ?? null;
}
