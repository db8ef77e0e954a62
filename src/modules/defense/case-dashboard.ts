import { and, asc, desc, eq, gte, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { holdsEvery } from "../../platform/text-search";
import { searchTerms } from "../people/person";
import { getPersonNames, personIdsMatching } from "../people/person-names";
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

/** Cases matching the search: the person's name, email or phone, or the lawyer's name. */
export function caseConditions(orgId: string, query: { q: string; filter: CaseFilter }): SQL {
  const conditions: SQL[] = [eq(cases.orgId, orgId)];
  if (query.filter === "active") conditions.push(ne(cases.status, "closed"));
  else if (query.filter !== "all") conditions.push(eq(cases.status, query.filter));
  const terms = searchTerms(query.q);
  if (terms.length > 0) {
    const own = and(...holdsEvery(cases.searchText, terms)) as SQL;
    const people = personIdsMatching(orgId, query.q);
    conditions.push(people ? sql`(${own} OR ${cases.personId} IN ${people})` : own);
  }
  return and(...conditions) as SQL;
}

/**
 * The ids of the cases matching `q` (any status), as a subquery for another module's WHERE
 * (`case_id IN (…)`), so the database joins them. Null when `q` has no terms.
 */
export function caseIdsMatching(orgId: string, q: string): SQL | null {
  if (searchTerms(q).length === 0) return null;
  return sql`(SELECT ${cases.id} FROM ${cases} WHERE ${caseConditions(orgId, { q, filter: "all" })})`;
}

export type CasePage = { items: CaseListItem[]; total: number; page: number; perPage: number };

/**
 * One page of the cases matching the search, most recently active first, and how many
 * match in all: LIMIT/OFFSET and count(*) in the database, never the whole table.
 * "active" means anything not closed.
 */
export async function pageCases(
  db: Db,
  orgId: string,
  query: { q: string; filter: CaseFilter; page: number; perPage: number },
): Promise<CasePage> {
  const where = caseConditions(orgId, query);
  const items = await selectCases(
    db,
    orgId,
    where,
    query.perPage,
    (query.page - 1) * query.perPage,
  );
  const total =
    query.page === 1 && items.length < query.perPage ? items.length : await db.$count(cases, where);
  return { items, total, page: query.page, perPage: query.perPage };
}

/** The first `limit` cases matching the search, most recently active first. */
export async function listCases(
  db: Db,
  orgId: string,
  query: { q: string; filter: CaseFilter; limit?: number },
): Promise<CaseListItem[]> {
  return selectCases(db, orgId, caseConditions(orgId, query), query.limit ?? 200, 0);
}

/** The columns a case list shows (names are added by withNames). */
const listColumns = {
  id: cases.id,
  personId: cases.personId,
  status: cases.status,
  facilityId: cases.facilityId,
  lawyerName: cases.lawyerName,
  lastActivityAt: cases.lastActivityAt,
};

async function selectCases(
  db: Db,
  orgId: string,
  where: SQL,
  limit: number,
  offset: number,
): Promise<CaseListItem[]> {
  const rows = await db
    .select({
      ...listColumns,
      nextHearingAt: sql<Date | null>`(
        SELECT min(${caseEvents.occurredAt}) FROM ${caseEvents}
        WHERE ${caseEvents.caseId} = ${cases.id} AND ${caseEvents.orgId} = ${cases.orgId}
          AND ${caseEvents.kind} = 'hearing_scheduled' AND ${caseEvents.occurredAt} >= now())`.mapWith(
        (v: unknown) => (v === null ? null : new Date(v as string)),
      ),
    })
    .from(cases)
    .where(where)
    .orderBy(desc(cases.lastActivityAt), asc(cases.id))
    .limit(limit)
    .offset(offset);
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
    .select(listColumns)
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

/**
 * The dashboard's three figures, counted in the database (the lists beside them show only
 * their first rows): cases not closed, scheduled hearings in the window, quiet cases.
 */
export async function caseCounts(
  db: Db,
  orgId: string,
  options: { now?: Date; hearingDays?: number; staleDays?: number } = {},
): Promise<{ active: number; hearings: number; stale: number }> {
  const now = options.now ?? new Date();
  const to = new Date(now.getTime() + (options.hearingDays ?? HEARING_WINDOW_DAYS) * DAY);
  const cutoff = new Date(now.getTime() - (options.staleDays ?? STALE_DAYS) * DAY);
  const [row] = await db
    .select({
      active: sql<number>`count(*)`.mapWith(Number),
      stale: sql<number>`count(*) FILTER (WHERE ${lt(cases.lastActivityAt, cutoff)})`.mapWith(
        Number,
      ),
      hearings: sql<number>`(SELECT count(*) FROM ${caseEvents} e JOIN ${cases} k
          ON k.id = e.case_id AND k.org_id = e.org_id
        WHERE e.org_id = ${orgId} AND e.kind = 'hearing_scheduled'
          AND e.occurred_at >= ${now.toISOString()}::timestamptz
          AND e.occurred_at < ${to.toISOString()}::timestamptz AND k.status <> 'closed')`.mapWith(
        Number,
      ),
    })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), ne(cases.status, "closed")));
  return { active: row?.active ?? 0, hearings: row?.hearings ?? 0, stale: row?.stale ?? 0 };
}
