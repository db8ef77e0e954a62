import { and, asc, desc, eq, gte, inArray, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { likePattern, searchTerms } from "../people/person";
import { findPersonIds, getPersonNames } from "../people/person-names";
import type { CaseStatus } from "./case";
import { HEARING_WINDOW_DAYS, STALE_DAYS } from "./case";
import { caseEvents, cases } from "./defense.schema";
import { facilityNames } from "./facility-record";

// The read side of the cases dashboard and the home page. Everything scoped by org.

export type CaseListItem = {
  id: string;
  personId: string;
  personDisplayName: string;
  status: CaseStatus;
  facilityName: string | null;
  lawyerName: string | null;
  nextHearingAt: Date | null;
  lastActivityAt: Date;
};

export type HearingItem = {
  eventId: string;
  caseId: string;
  personDisplayName: string;
  at: Date;
  hearingKind: string | null;
  court: string | null;
};

export type CaseFilter = "active" | "all" | CaseStatus;
const DAY = 86_400_000;

/**
 * Cases matching the search (the person's name, email or phone; the lawyer's name),
 * most recently active first. "active" means anything not closed.
 */
export async function listCases(
  db: Db,
  orgId: string,
  query: { q: string; filter: CaseFilter; limit?: number },
): Promise<CaseListItem[]> {
  const conditions: SQL[] = [eq(cases.orgId, orgId)];
  if (query.filter === "active") conditions.push(ne(cases.status, "closed"));
  else if (query.filter !== "all") conditions.push(eq(cases.status, query.filter));
  const terms = searchTerms(query.q);
  if (terms.length > 0) {
    const own = and(...terms.map((t) => sql`${cases.searchText} LIKE ${likePattern(t)}`));
    const personIds = await findPersonIds(db, orgId, query.q);
    conditions.push((personIds.length ? or(own, inArray(cases.personId, personIds)) : own) as SQL);
  }
  const rows = await db
    .select({
      id: cases.id,
      personId: cases.personId,
      status: cases.status,
      facilityId: cases.facilityId,
      lawyerName: cases.lawyerName,
      lastActivityAt: cases.lastActivityAt,
      nextHearingAt: sql<Date | null>`(
        SELECT min(${caseEvents.occurredAt}) FROM ${caseEvents}
        WHERE ${caseEvents.caseId} = ${cases.id} AND ${caseEvents.orgId} = ${cases.orgId}
          AND ${caseEvents.kind} = 'hearing_scheduled' AND ${caseEvents.occurredAt} >= now())`.mapWith(
        (v: unknown) => (v === null ? null : new Date(v as string)),
      ),
    })
    .from(cases)
    .where(and(...conditions))
    .orderBy(desc(cases.lastActivityAt), asc(cases.id))
    .limit(query.limit ?? 200);
  return withNames(db, orgId, rows);
}

async function withNames<
  R extends { personId: string; facilityId: string | null } & Omit<
    CaseListItem,
    "personDisplayName" | "facilityName"
  >,
>(db: Db, orgId: string, rows: R[]): Promise<CaseListItem[]> {
  const people = await getPersonNames(
    db,
    orgId,
    rows.map((r) => r.personId),
  );
  const places = await facilityNames(
    db,
    orgId,
    rows.map((r) => r.facilityId),
  );
  return rows.map(({ facilityId, ...r }) => ({
    id: r.id,
    personId: r.personId,
    personDisplayName: people.get(r.personId) ?? "",
    status: r.status,
    facilityName: facilityId ? (places.get(facilityId) ?? null) : null,
    lawyerName: r.lawyerName,
    nextHearingAt: r.nextHearingAt,
    lastActivityAt: r.lastActivityAt,
  }));
}

/** Scheduled hearings between `from` and `from + days`, on cases not closed, soonest first. */
export async function upcomingHearings(
  db: Db,
  orgId: string,
  options: { from?: Date; days?: number; limit?: number } = {},
): Promise<HearingItem[]> {
  const from = options.from ?? new Date();
  const to = new Date(from.getTime() + (options.days ?? HEARING_WINDOW_DAYS) * DAY);
  const rows = await db
    .select({
      eventId: caseEvents.id,
      caseId: caseEvents.caseId,
      personId: cases.personId,
      at: caseEvents.occurredAt,
      hearingKind: caseEvents.hearingKind,
      court: caseEvents.court,
    })
    .from(caseEvents)
    .innerJoin(cases, and(eq(cases.id, caseEvents.caseId), eq(cases.orgId, caseEvents.orgId)))
    .where(
      and(
        eq(caseEvents.orgId, orgId),
        eq(caseEvents.kind, "hearing_scheduled"),
        gte(caseEvents.occurredAt, from),
        lt(caseEvents.occurredAt, to),
        ne(cases.status, "closed"),
      ),
    )
    .orderBy(asc(caseEvents.occurredAt))
    .limit(options.limit ?? 100);
  const names = await getPersonNames(
    db,
    orgId,
    rows.map((r) => r.personId),
  );
  return rows.map(({ personId, ...r }) => ({
    ...r,
    personDisplayName: names.get(personId) ?? "",
  }));
}

/** Cases not closed with nothing recorded or changed for `days` days, the quietest first. */
export async function staleCases(
  db: Db,
  orgId: string,
  options: { days?: number; now?: Date; limit?: number } = {},
): Promise<CaseListItem[]> {
  const cutoff = new Date(
    (options.now ?? new Date()).getTime() - (options.days ?? STALE_DAYS) * DAY,
  );
  const rows = await db
    .select({
      id: cases.id,
      personId: cases.personId,
      status: cases.status,
      facilityId: cases.facilityId,
      lawyerName: cases.lawyerName,
      lastActivityAt: cases.lastActivityAt,
    })
    .from(cases)
    .where(
      and(eq(cases.orgId, orgId), ne(cases.status, "closed"), lt(cases.lastActivityAt, cutoff)),
    )
    .orderBy(asc(cases.lastActivityAt))
    .limit(options.limit ?? 100);
  return withNames(
    db,
    orgId,
    rows.map((r) => ({ ...r, nextHearingAt: null })),
  );
}

/** How many cases are not closed. */
export async function countActiveCases(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), ne(cases.status, "closed")));
  return row?.n ?? 0;
}
