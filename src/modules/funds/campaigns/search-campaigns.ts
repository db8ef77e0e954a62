import { and, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { fold, likePattern, searchQuery } from "../../../platform/text";
import type { Campaign } from "../campaign";
import { campaigns } from "../funds.schema";
import { campaignFromRow } from "./campaign-record";

export type CampaignQuery = { q: string; page: number; perPage: number };
export type CampaignPage = { campaigns: Campaign[]; total: number; page: number; perPage: number };

export function parseCampaignQuery(query: Record<string, string | undefined>): CampaignQuery {
  const page = Number.parseInt(query.page ?? "1", 10);
  return {
    q: searchQuery(query.q),
    page: Number.isSafeInteger(page) && page > 0 && page < 100_000 ? page : 1,
    perPage: 25,
  };
}

/** Newest first; every word of `q` must appear in a title or the slug (accents ignored). */
export async function searchCampaigns(
  db: Db,
  orgId: string,
  query: CampaignQuery,
): Promise<CampaignPage> {
  const filters: SQL[] = [eq(campaigns.orgId, orgId)];
  for (const word of fold(query.q).split(/\s+/).filter(Boolean).slice(0, 6)) {
    filters.push(ilike(campaigns.searchText, likePattern(word)));
  }
  const where = and(...filters);
  const [count] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(campaigns)
    .where(where);
  const rows = await db
    .select()
    .from(campaigns)
    .where(where)
    .orderBy(desc(campaigns.open), desc(campaigns.createdAt), desc(campaigns.id))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);
  return {
    campaigns: rows.map(campaignFromRow),
    total: count?.n ?? 0,
    page: query.page,
    perPage: query.perPage,
  };
}
