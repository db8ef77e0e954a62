import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import type { CaseEventKind } from "./case-event";
import { caseEvents, cases } from "./defense.schema";

// The conditions every read and write of one case repeats: scoped by the organization
// first, then the case (and, for its timeline, whatever else the entry must meet).

/** The organization's case `caseId`. */
export const oneCase = (orgId: string, caseId: string) => ownRow(cases, orgId, caseId);

/** The timeline entries of the organization's case `caseId` that also meet `more`. */
export const eventsOfCase = (orgId: string, caseId: string, ...more: SQL[]) =>
  and(eq(caseEvents.orgId, orgId), eq(caseEvents.caseId, caseId), ...more);

/** The scheduled hearing `hearingId` of the organization's case `caseId`. */
export const hearingOfCase = (orgId: string, caseId: string, hearingId: string) =>
  eventsOfCase(
    orgId,
    caseId,
    eq(caseEvents.id, hearingId),
    eq(caseEvents.kind, "hearing_scheduled"),
  );

/** The case's newest entry of one of `kinds`, or null (what its status or facility follows). */
export async function newestEventOf(
  db: Db,
  orgId: string,
  caseId: string,
  kinds: readonly CaseEventKind[],
): Promise<{ kind: CaseEventKind; occurredAt: Date } | null> {
  const [newest] = await db
    .select({ kind: caseEvents.kind, occurredAt: caseEvents.occurredAt })
    .from(caseEvents)
    .where(eventsOfCase(orgId, caseId, inArray(caseEvents.kind, [...kinds])))
    .orderBy(desc(caseEvents.occurredAt))
    .limit(1);
  return newest ?? null;
}
