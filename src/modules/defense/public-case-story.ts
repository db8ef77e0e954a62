import type { Db } from "../../db/client";
import { isUuid } from "../../platform/ids";
import { oneCase } from "./case-keys";
import { cases } from "./defense.schema";

// What a public page may show of a case: the story the group chose to publish, and only
// while the case is marked public. No person is read at all.

export type PublicCaseStory = {
  id: string;
  /** Null unless the case is public and has a story in at least one language. */
  story: { es: string | null; en: string | null } | null;
};

/** The case (so the page can follow its changes) and its public story; null if not this org's. */
export async function getPublicCaseStory(
  db: Db,
  orgId: string,
  caseId: string,
): Promise<PublicCaseStory | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await db
    .select({
      id: cases.id,
      public: cases.public,
      es: cases.publicStoryEs,
      en: cases.publicStoryEn,
    })
    .from(cases)
    .where(oneCase(orgId, caseId));
  if (!row) return null;
  const published = row.public && (row.es || row.en);
  return { id: row.id, story: published ? { es: row.es, en: row.en } : null };
}
