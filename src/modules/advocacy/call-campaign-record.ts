import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import { isUuid } from "../../platform/ids";
import { holdsEvery } from "../../platform/text-search";
import { caseIdsMatching } from "../defense/case-dashboard";
import { getCaseSummary } from "../defense/case-lookup";
import { searchTerms } from "../people/person";
import { advocacyCallCounts, advocacyTargets, callCampaigns } from "./advocacy.schema";
import {
  type CallCampaign,
  type CallCampaignFields,
  campaignSearchText,
  type DayCount,
  type Target,
} from "./call-campaign";
import { oneTarget, targetsOf } from "./lock-call-campaign";

// The read side of advocacy, shared by the operations and the pages. Everything scoped by org.

/** A campaign's fields as its columns, for the insert and the update alike. */
export function campaignColumns(input: CallCampaignFields) {
  return {
    caseId: input.caseId,
    kind: input.kind,
    titleEs: input.titleEs,
    titleEn: input.titleEn,
    askEs: input.askEs,
    askEn: input.askEn,
    scriptEs: input.scriptEs,
    scriptEn: input.scriptEn,
    open: input.open,
    public: input.public,
    searchText: campaignSearchText(input),
  };
}

export function callCampaignFromRow(row: typeof callCampaigns.$inferSelect): CallCampaign {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    title: { es: row.titleEs, en: row.titleEn },
    ask: { es: row.askEs, en: row.askEn },
    script: { es: row.scriptEs, en: row.scriptEn },
    open: row.open,
    public: row.public,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** `getX` returns null: an unknown id and another organization's campaign look the same. */
export async function getCallCampaign(
  db: Db,
  orgId: string,
  id: string,
): Promise<CallCampaign | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(callCampaigns)
    .where(ownRow(callCampaigns, orgId, id));
  return row ? callCampaignFromRow(row) : null;
}

export const targetColumns = {
  id: advocacyTargets.id,
  kind: advocacyTargets.kind,
  facilityId: advocacyTargets.facilityId,
  name: advocacyTargets.name,
  phones: advocacyTargets.phones,
  address: advocacyTargets.address,
  hours: advocacyTargets.hours,
  position: advocacyTargets.position,
  updatedAt: advocacyTargets.updatedAt,
};

/** Targets in the order the team set (then as added): the page and the public page alike. */
export const targetOrder = [
  asc(advocacyTargets.position),
  asc(advocacyTargets.createdAt),
  asc(advocacyTargets.id),
];

export async function listTargets(db: Db, orgId: string, campaignId: string): Promise<Target[]> {
  return db
    .select(targetColumns)
    .from(advocacyTargets)
    .where(targetsOf(orgId, campaignId))
    .orderBy(...targetOrder);
}

export async function getTarget(
  db: Db,
  orgId: string,
  campaignId: string,
  id: string,
): Promise<Target | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(targetColumns)
    .from(advocacyTargets)
    .where(oneTarget(orgId, campaignId, id));
  return row ?? null;
}

export type CallCampaignListItem = CallCampaign & {
  personDisplayName: string;
  targets: number;
  calls: number;
};

export type CallCampaignPage = {
  items: CallCampaignListItem[];
  total: number;
  page: number;
  perPage: number;
};

/** The first campaigns of the search (see pageCallCampaigns), newest first. */
export async function listCallCampaigns(
  db: Db,
  orgId: string,
  query: { q: string; caseId?: string | undefined; limit?: number },
): Promise<CallCampaignListItem[]> {
  const found = await pageCallCampaigns(db, orgId, {
    ...query,
    page: 1,
    perPage: query.limit ?? 200,
  });
  return found.items;
}

/**
 * One page of the campaigns whose titles match every search term, or whose case matches
 * the search (the person's name), newest first; optionally only one case's. Paged and
 * counted in the database; the case match is a subquery, not ids read into Node.
 */
export async function pageCallCampaigns(
  db: Db,
  orgId: string,
  query: { q: string; caseId?: string | undefined; page: number; perPage: number },
): Promise<CallCampaignPage> {
  const conditions: SQL[] = [eq(callCampaigns.orgId, orgId)];
  if (query.caseId) conditions.push(eq(callCampaigns.caseId, query.caseId));
  const terms = searchTerms(query.q);
  if (terms.length > 0) {
    const own = and(...holdsEvery(callCampaigns.searchText, terms));
    const caseIds = caseIdsMatching(orgId, query.q);
    conditions.push(
      (caseIds ? sql`(${own} OR ${callCampaigns.caseId} IN ${caseIds})` : own) as SQL,
    );
  }
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(callCampaigns)
    .where(where)
    .orderBy(desc(callCampaigns.createdAt), asc(callCampaigns.id))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);
  const total =
    query.page === 1 && rows.length < query.perPage
      ? rows.length
      : await db.$count(callCampaigns, where);
  const counts = await countsFor(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const names = await caseNames(
    db,
    orgId,
    rows.map((r) => r.caseId),
  );
  const items = rows.map((r) => ({
    ...callCampaignFromRow(r),
    personDisplayName: names.get(r.caseId) ?? "",
    targets: counts.targets.get(r.id) ?? 0,
    calls: counts.calls.get(r.id) ?? 0,
  }));
  return { items, total, page: query.page, perPage: query.perPage };
}

/**
 * Places and counted calls per campaign, grouped in two plain queries. (A correlated
 * subquery in the select list lost its outer table's name and counted nothing.)
 */
async function countsFor(db: Db, orgId: string, campaignIds: string[]) {
  const targets = new Map<string, number>();
  if (campaignIds.length === 0) return { targets, calls: new Map<string, number>() };
  const targetRows = await db
    .select({
      id: advocacyTargets.callCampaignId,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(advocacyTargets)
    .where(
      and(eq(advocacyTargets.orgId, orgId), inArray(advocacyTargets.callCampaignId, campaignIds)),
    )
    .groupBy(advocacyTargets.callCampaignId);
  for (const row of targetRows) targets.set(row.id, row.n);
  return { targets, calls: await callsPerCampaign(db, orgId, campaignIds) };
}

/** Total counted calls per campaign (staff list and public pages). */
export async function callsPerCampaign(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: advocacyCallCounts.callCampaignId,
      n: sql<number>`coalesce(sum(${advocacyCallCounts.count}), 0)`.mapWith(Number),
    })
    .from(advocacyCallCounts)
    .where(
      and(
        eq(advocacyCallCounts.orgId, orgId),
        inArray(advocacyCallCounts.callCampaignId, [...ids]),
      ),
    )
    .groupBy(advocacyCallCounts.callCampaignId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The detained person's display name for each case, through the defense module's lookup. */
export async function caseNames(
  db: Db,
  orgId: string,
  caseIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(caseIds)) {
    const summary = await getCaseSummary(db, orgId, id);
    if (summary) out.set(id, summary.personDisplayName);
  }
  return out;
}

/** Calls counted on each of `days` (oldest first), zero-filled by the caller. */
export async function callsOnDays(
  db: Db,
  orgId: string,
  campaignId: string,
  days: readonly string[],
): Promise<DayCount[]> {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  return db
    .select({ day: advocacyCallCounts.day, count: advocacyCallCounts.count })
    .from(advocacyCallCounts)
    .where(
      and(
        eq(advocacyCallCounts.orgId, orgId),
        eq(advocacyCallCounts.callCampaignId, campaignId),
        gte(advocacyCallCounts.day, first),
        lte(advocacyCallCounts.day, last),
      ),
    )
    .orderBy(asc(advocacyCallCounts.day));
}

export async function totalCalls(db: Db, orgId: string, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${advocacyCallCounts.count}), 0)`.mapWith(Number) })
    .from(advocacyCallCounts)
    .where(
      and(eq(advocacyCallCounts.orgId, orgId), eq(advocacyCallCounts.callCampaignId, campaignId)),
    );
  return row?.n ?? 0;
}

// The advocacy API reads the time zone here.
export { orgTimeZone } from "../accounts/organization-record";
