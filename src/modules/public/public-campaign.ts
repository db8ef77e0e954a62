import type { Db } from "../../db/client";
import { getOrganizationBySlug, type Organization } from "../accounts/organization-record";
import { getPublicAdvocacy, type PublicAdvocacy } from "../advocacy/public-advocacy";
import { getPublicCaseStory } from "../defense/public-case-story";
import {
  getPublicCampaignFigures,
  type PublicCampaignFigures,
} from "../funds/public-campaign-record";

// Everything a public campaign page and its flyer show, and nothing else: no donor names,
// no case details beyond the story the group chose to publish. Each thing is read once,
// through the published reads of funds, defense and advocacy.

export type PublicCampaign = {
  org: Pick<Organization, "id" | "name" | "slug" | "defaultLanguage">;
  campaign: Omit<PublicCampaignFigures["campaign"], "caseId">;
  totals: PublicCampaignFigures["totals"];
  spending: PublicCampaignFigures["spending"];
  /** The linked case, whose changes (advocacy, story) the page also depends on. */
  caseId: string | null;
  /** The linked case's public story, only when that case is marked public. */
  caseStory: { es: string | null; en: string | null } | null;
  /** The linked case's public, open call and visit campaigns. */
  advocacy: PublicAdvocacy[];
};

/** The campaign at /p/{org}/c/{slug} when it is public; null otherwise (the page is a 404). */
export async function loadPublicCampaign(
  db: Db,
  orgSlug: string,
  slug: string,
): Promise<PublicCampaign | null> {
  const org = await getOrganizationBySlug(db, orgSlug);
  if (!org) return null;
  const figures = await getPublicCampaignFigures(db, org.id, slug);
  if (!figures) return null;
  const { caseId, ...campaign } = figures.campaign;
  const linked = caseId ? await getPublicCaseStory(db, org.id, caseId) : null;
  const advocacy = linked ? await getPublicAdvocacy(db, org.id, linked.id) : [];
  return {
    org: { id: org.id, name: org.name, slug: org.slug, defaultLanguage: org.defaultLanguage },
    campaign,
    totals: figures.totals,
    spending: figures.spending,
    caseId: linked?.id ?? null,
    caseStory: linked?.story ?? null,
    advocacy,
  };
}

/** The text in `lang`, or in the other language (marked so) when only that one exists. */
export function inLang(
  text: { es: string | null; en: string | null },
  lang: "es" | "en",
): { text: string; lang: "es" | "en" } | null {
  const mine = text[lang]?.trim();
  if (mine) return { text: mine, lang };
  const other = lang === "es" ? "en" : "es";
  const theirs = text[other]?.trim();
  return theirs ? { text: theirs, lang: other } : null;
}
