import { and, arrayOverlaps, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type EngagementLevel, people, personEmails } from "./people.schema";
import { primaryOf } from "./person";

export type SegmentRule = {
  /** At least one of these tags (empty: no tag needed). */
  tags: readonly string[];
  /** Any of these engagement levels (empty: any level). */
  levels: readonly EngagementLevel[];
  /** Any of these preferred languages; a person with none counts as `defaultLanguage`. */
  languages: readonly ("es" | "en")[];
  defaultLanguage: "es" | "en";
};

export type SegmentContact = {
  id: string;
  displayName: string;
  language: "es" | "en";
  /** Primary email, else the first one. */
  email: string | null;
  /** Primary phone as typed, else the first one. */
  phone: string | null;
};

// For the messaging module: who is in a broadcast's segment and how to reach them,
// without it reading the people tables.
export async function listSegmentContacts(
  db: Db,
  orgId: string,
  rule: SegmentRule,
): Promise<SegmentContact[]> {
  const where: SQL[] = [eq(people.orgId, orgId)];
  if (rule.levels.length > 0) where.push(inArray(people.engagementLevel, [...rule.levels]));
  if (rule.tags.length > 0) where.push(arrayOverlaps(people.tags, [...rule.tags]));
  if (rule.languages.length > 0) {
    const matches = inArray(people.preferredLanguage, [...rule.languages]);
    where.push(
      rule.languages.includes(rule.defaultLanguage)
        ? (or(matches, isNull(people.preferredLanguage)) as SQL)
        : matches,
    );
  }
  const rows = await db
    .select({
      id: people.id,
      displayName: people.displayName,
      language: people.preferredLanguage,
      phones: people.phoneNumbers,
      email: sql<string | null>`(SELECT e.address FROM ${personEmails} e
        WHERE e.person_id = "people"."id" AND e.org_id = "people"."org_id"
        ORDER BY e.is_primary DESC, e.position LIMIT 1)`,
    })
    .from(people)
    .where(and(...where))
    .orderBy(people.sortName, people.id);
  return rows.map((r) => {
    const phone = primaryOf(r.phones);
    return {
      id: r.id,
      displayName: r.displayName,
      language: r.language ?? rule.defaultLanguage,
      email: r.email,
      phone: phone?.number ?? null,
    };
  });
}
