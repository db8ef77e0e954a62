import { and, arrayOverlaps, asc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people } from "./people.schema";
import type { EngagementLevel } from "./person";

export { ENGAGEMENT_LEVELS, type EngagementLevel } from "./person";

export type EligibilityRule = {
  /** Any of these engagement levels (empty: any level). */
  levels: readonly EngagementLevel[];
  /** At least one of these tags (empty: no tag needed). */
  tags: readonly string[];
  /** Only people already in the database before this instant. */
  addedBefore: Date;
};

export type EligiblePerson = { id: string; language: "es" | "en" | null };

// For the elections module: who is on a roll, without it reading the people table.
export async function listEligiblePeople(
  db: Db,
  orgId: string,
  rule: EligibilityRule,
): Promise<EligiblePerson[]> {
  const where: SQL[] = [eq(people.orgId, orgId), lt(people.createdAt, rule.addedBefore)];
  if (rule.levels.length > 0) where.push(inArray(people.engagementLevel, [...rule.levels]));
  if (rule.tags.length > 0) where.push(arrayOverlaps(people.tags, [...rule.tags]));
  return db
    .select({ id: people.id, language: people.preferredLanguage })
    .from(people)
    .where(and(...where));
}

/** Names to choose candidates from, alphabetical, at most `limit`. */
export async function listPeopleToChoose(
  db: Db,
  orgId: string,
  limit = 300,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: people.id, name: people.displayName })
    .from(people)
    .where(eq(people.orgId, orgId))
    .orderBy(asc(people.sortName), asc(people.id))
    .limit(limit);
}
