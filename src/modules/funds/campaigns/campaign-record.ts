import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { ownRow } from "../../../db/columns";
import { builtOnce } from "../../../db/prepared";
import { isUuid } from "../../../platform/ids";
import { type Currency, cents } from "../../../platform/money";
import type { Campaign } from "../campaign";
import { campaigns } from "../funds.schema";

type CampaignRow = typeof campaigns.$inferSelect;
type PageColumns =
  | "id"
  | "slug"
  | "titleEs"
  | "titleEn"
  | "storyEs"
  | "storyEn"
  | "goalCents"
  | "currency"
  | "milestonesCents";

/** What the staff and the public campaign pages both show, from the row's columns. */
export function campaignPageFields(row: Pick<CampaignRow, PageColumns>) {
  return {
    id: row.id,
    slug: row.slug,
    title: { es: row.titleEs, en: row.titleEn },
    story: { es: row.storyEs, en: row.storyEn },
    goalCents: cents(row.goalCents),
    currency: row.currency,
    milestonesCents: row.milestonesCents.map((m) => cents(Number(m))),
  };
}

export function campaignFromRow(row: CampaignRow): Campaign {
  return {
    ...campaignPageFields(row),
    caseId: row.caseId,
    open: row.open,
    public: row.public,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// Every gift and money request reads its campaign first: built once (db/prepared.ts).
const campaignById = builtOnce(
  (db) =>
    db
      .select()
      .from(campaigns)
      .where(
        and(eq(campaigns.orgId, sql.placeholder("orgId")), eq(campaigns.id, sql.placeholder("id"))),
      ),
  "funds_campaign_by_id",
);

// The currency of the campaigns this process has read, per organization and id: a hint that
// lets a gift skip reading its campaign (decision 102). Never trusted: the gift statement
// checks the organization, the id and the currency under the campaign's lock, writes nothing
// when one is wrong, and record-donation.ts then reads the campaign and tries again.
const currencyHints = new Map<string, Currency>();
const MAX_HINTS = 10_000;

/** The campaign as this process last read it ({ id, currency }), or null; only a hint. */
export function campaignHint(orgId: string, id: string): Pick<Campaign, "id" | "currency"> | null {
  const currency = currencyHints.get(`${orgId}|${id}`);
  return currency ? { id, currency } : null;
}

/** `getX` returns null: an unknown id and another organization's campaign look the same. */
export async function getCampaign(db: Db, orgId: string, id: string): Promise<Campaign | null> {
  if (!isUuid(id)) return null;
  const [row] = await campaignById(db, { orgId, id });
  const key = `${orgId}|${id}`;
  if (!row) {
    currencyHints.delete(key);
    return null;
  }
  if (currencyHints.size >= MAX_HINTS) currencyHints.clear();
  currencyHints.set(key, row.currency);
  return campaignFromRow(row);
}

/** For public pages and flyers: the campaign at /p/{org}/c/{slug}, public or not (callers check). */
export async function getCampaignBySlug(
  db: Db,
  orgId: string,
  slug: string,
): Promise<Campaign | null> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), eq(campaigns.slug, slug.toLowerCase())));
  return row ? campaignFromRow(row) : null;
}

/**
 * Locks the campaign row for the rest of the transaction. "update" serializes everything
 * that may take money out (so two payments can't both spend the same dollars); "key share"
 * only keeps the currency from changing under a donation, and doesn't block other gifts.
 */
export async function lockCampaign(
  tx: Db,
  orgId: string,
  id: string,
  mode: "update" | "key share",
): Promise<Campaign | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(campaigns)
    .where(ownRow(campaigns, orgId, id))
    .for(mode);
  return row ? campaignFromRow(row) : null;
}

/** A case's campaigns, oldest first: for the case page's "Funds for this case". */
export async function listCampaignsForCase(
  db: Db,
  orgId: string,
  caseId: string,
): Promise<Campaign[]> {
  if (!isUuid(caseId)) return [];
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), eq(campaigns.caseId, caseId)))
    .orderBy(asc(campaigns.createdAt));
  return rows.map(campaignFromRow);
}
