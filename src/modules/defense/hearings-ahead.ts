import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, caseFamily } from "./defense.schema";

// For the messaging module: hearings coming up, in every organization, with the people
// recorded as the case's family contacts (who get reminders if they consented). Only ids
// and the time: nothing about the case's sensitive fields.

export type HearingAhead = {
  orgId: string;
  hearingId: string;
  at: Date;
  familyPersonIds: string[];
};

export async function hearingsAhead(db: Db, from: Date, until: Date): Promise<HearingAhead[]> {
  const rows = await db
    .select({
      orgId: caseEvents.orgId,
      hearingId: caseEvents.id,
      at: caseEvents.occurredAt,
      personId: caseFamily.personId,
    })
    .from(caseEvents)
    .innerJoin(
      caseFamily,
      and(eq(caseFamily.caseId, caseEvents.caseId), eq(caseFamily.orgId, caseEvents.orgId)),
    )
    .where(
      and(
        eq(caseEvents.kind, "hearing_scheduled"),
        gte(caseEvents.occurredAt, from),
        lt(caseEvents.occurredAt, until),
      ),
    );
  const byHearing = new Map<string, HearingAhead>();
  for (const r of rows) {
    const h = byHearing.get(r.hearingId) ?? {
      orgId: r.orgId,
      hearingId: r.hearingId,
      at: r.at,
      familyPersonIds: [],
    };
    h.familyPersonIds.push(r.personId);
    byHearing.set(r.hearingId, h);
  }
  return [...byHearing.values()];
}
