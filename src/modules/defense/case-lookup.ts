import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { invalid } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { getPersonNames } from "../people/person-names";
import type { CaseStatus } from "./case";
import { oneCase } from "./case-keys";
import { cases } from "./defense.schema";

// What other modules (funds, public pages, advocacy) may know about a case.
// Never the sensitive fields, the facility, the timeline or the notes.
export type CaseSummary = {
  id: string;
  personId: string;
  personDisplayName: string;
  status: CaseStatus;
  public: boolean;
  publicStory: { es: string | null; en: string | null };
};

/** `getX` returns null: an unknown id and another organization's case look the same. */
export async function getCaseSummary(
  db: Db,
  orgId: string,
  caseId: string,
): Promise<CaseSummary | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await db
    .select({
      id: cases.id,
      personId: cases.personId,
      status: cases.status,
      public: cases.public,
      publicStoryEs: cases.publicStoryEs,
      publicStoryEn: cases.publicStoryEn,
    })
    .from(cases)
    .where(oneCase(orgId, caseId));
  if (!row) return null;
  // The name only: public pages show it, never the person's emails or phones.
  const names = await getPersonNames(db, orgId, [row.personId]);
  return {
    id: row.id,
    personId: row.personId,
    personDisplayName: names.get(row.personId) ?? "",
    status: row.status,
    public: row.public,
    publicStory: { es: row.publicStoryEs, en: row.publicStoryEn },
  };
}

/**
 * The case a campaign, drive or action links to: one of the organization's own, else the
 * field error `caseId: case_not_found` (another organization's case looks unknown).
 */
export async function requireLinkedCase(db: Db, orgId: string, caseId: string): Promise<void> {
  if (!(await getCaseSummary(db, orgId, caseId))) throw invalid({ caseId: "case_not_found" });
}

/** A person's cases, newest first: the person page's case card, the second-case warning. */
export async function listCasesOfPerson(
  db: Db,
  orgId: string,
  personId: string,
): Promise<{ id: string; status: CaseStatus; createdAt: Date }[]> {
  if (!isUuid(personId)) return [];
  return db
    .select({ id: cases.id, status: cases.status, createdAt: cases.createdAt })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.personId, personId)))
    .orderBy(desc(cases.createdAt));
}
