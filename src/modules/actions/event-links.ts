import type { Db } from "../../db/client";
import { invalid } from "../../platform/errors";
import { fold } from "../../platform/text";
import { requireLinkedCase } from "../defense/case-lookup";
import { getHearing } from "../defense/hearing-lookup";
import { getCampaign } from "../funds/campaigns/campaign-record";
import type { EventFields } from "./event-fields";

const DEFAULT_COURT_SUPPORT_MS = 2 * 60 * 60 * 1000;

/**
 * The linked case, campaign and hearing belong to the organization (else a 422). Court
 * support linked to a hearing takes its time and court from the hearing; it keeps the
 * length that was typed (two hours when none).
 */
export async function requireEventLinks(
  db: Db,
  orgId: string,
  fields: EventFields,
): Promise<EventFields> {
  if (fields.caseId) await requireLinkedCase(db, orgId, fields.caseId);
  if (fields.campaignId && !(await getCampaign(db, orgId, fields.campaignId))) {
    throw invalid({ campaignId: "invalid" });
  }
  if (!fields.hearingId) return fields;
  const hearing = await getHearing(db, orgId, fields.hearingId);
  if (!hearing) throw invalid({ hearingId: "invalid" });
  const typed = fields.endsAt.getTime() - fields.startsAt.getTime();
  return {
    ...fields,
    kind: "court_support",
    caseId: hearing.caseId,
    startsAt: hearing.at,
    endsAt: new Date(hearing.at.getTime() + (typed > 0 ? typed : DEFAULT_COURT_SUPPORT_MS)),
    placeName: hearing.court ?? fields.placeName,
  };
}

export function searchTextFor(fields: EventFields): string {
  return fold([fields.titleEs, fields.titleEn, fields.placeName ?? "", fields.slug].join(" "));
}
