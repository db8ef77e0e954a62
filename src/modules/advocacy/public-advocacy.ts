import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { openToPublic } from "../../db/columns";
import type { Bilingual } from "../../platform/bilingual";
import { isUuid } from "../../platform/ids";
import type { CallCampaignKind, TargetKind } from "./advocacy.schema";
import { advocacyTargets, callCampaigns } from "./advocacy.schema";
import { telHref } from "./call-campaign";
import { callsPerCampaign, targetColumns, targetOrder } from "./call-campaign-record";

// What the public campaign page (/p/{org}/c/{slug}) may show about a case's advocacy:
// public, open campaigns with their targets' office data and how many calls were counted
// (a total: it encourages the next caller and says nothing about anyone). Nothing else: no
// ids of the case or of facilities, nothing an organizer typed for the team only.

export type PublicPhone = {
  /** As the organizer typed it, for reading. */
  display: string;
  /** `tel:+15550100101`: digits only, a leading "+" kept. */
  tel: string;
};

export type PublicTarget = {
  kind: TargetKind;
  name: string;
  phones: PublicPhone[];
  address: string | null;
  hours: string | null;
};

export type PublicAdvocacy = {
  /** The call campaign's id: the "I called" form posts to /p/{org}/advocacy/{id}/called. */
  id: string;
  kind: CallCampaignKind;
  title: Bilingual;
  ask: Bilingual;
  script: Bilingual;
  targets: PublicTarget[];
  /** Calls (or visits) counted so far: a number only, never who or when. */
  counted: number;
};

/**
 * The public, open call campaigns of one case, oldest first, each with its targets in the
 * organizer's order. Campaigns with no target yet are left out: there is nothing to call.
 */
export async function getPublicAdvocacy(
  db: Db,
  orgId: string,
  caseId: string,
): Promise<PublicAdvocacy[]> {
  if (!isUuid(orgId) || !isUuid(caseId)) return [];
  const campaigns = await db
    .select()
    .from(callCampaigns)
    .where(
      and(
        eq(callCampaigns.orgId, orgId),
        eq(callCampaigns.caseId, caseId),
        openToPublic(callCampaigns),
      ),
    )
    .orderBy(asc(callCampaigns.createdAt), asc(callCampaigns.id));
  if (campaigns.length === 0) return [];
  const targets = await db
    .select({ ...targetColumns, campaignId: advocacyTargets.callCampaignId })
    .from(advocacyTargets)
    .where(
      and(
        eq(advocacyTargets.orgId, orgId),
        inArray(
          advocacyTargets.callCampaignId,
          campaigns.map((c) => c.id),
        ),
      ),
    )
    .orderBy(...targetOrder);
  const counted = await callsPerCampaign(
    db,
    orgId,
    campaigns.map((c) => c.id),
  );
  return campaigns
    .map((c) => ({
      counted: counted.get(c.id) ?? 0,
      id: c.id,
      kind: c.kind,
      title: { es: c.titleEs, en: c.titleEn },
      ask: { es: c.askEs, en: c.askEn },
      script: { es: c.scriptEs, en: c.scriptEn },
      targets: targets
        .filter((t) => t.campaignId === c.id)
        .map((t) => ({
          kind: t.kind,
          name: t.name,
          phones: t.phones.flatMap((display) => {
            const tel = telHref(display);
            return tel ? [{ display, tel }] : [];
          }),
          address: t.address,
          hours: t.hours,
        })),
    }))
    .filter((c) => c.targets.length > 0);
}

/** One public, open call campaign, for the "I called" confirmation page; null otherwise. */
export async function getPublicCallCampaign(
  db: Db,
  orgId: string,
  id: string,
): Promise<Pick<PublicAdvocacy, "id" | "kind" | "title" | "counted"> | null> {
  if (!isUuid(orgId) || !isUuid(id)) return null;
  const [row] = await db
    .select({
      id: callCampaigns.id,
      kind: callCampaigns.kind,
      titleEs: callCampaigns.titleEs,
      titleEn: callCampaigns.titleEn,
    })
    .from(callCampaigns)
    .where(
      and(eq(callCampaigns.orgId, orgId), eq(callCampaigns.id, id), openToPublic(callCampaigns)),
    );
  if (!row) return null;
  const counted = await callsPerCampaign(db, orgId, [row.id]);
  return {
    id: row.id,
    kind: row.kind,
    title: { es: row.titleEs, en: row.titleEn },
    counted: counted.get(row.id) ?? 0,
  };
}
