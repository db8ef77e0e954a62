import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people } from "./people.schema";

// For the home page (and any module that shows the people database at a glance) without
// reading the people table itself: counts and the newest names, nothing else.

export type PeopleCounts = { total: number; leaders: number; core: number; newLast30: number };

export async function countPeople(db: Db, orgId: string): Promise<PeopleCounts> {
  const [counts] = await db
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      leaders: sql<number>`count(*) FILTER (WHERE ${people.engagementLevel} = 'leader')`.mapWith(
        Number,
      ),
      core: sql<number>`count(*) FILTER (WHERE ${people.engagementLevel} = 'core')`.mapWith(Number),
      newLast30:
        sql<number>`count(*) FILTER (WHERE ${people.createdAt} > now() - interval '30 days')`.mapWith(
          Number,
        ),
    })
    .from(people)
    .where(eq(people.orgId, orgId));
  return {
    total: counts?.total ?? 0,
    leaders: counts?.leaders ?? 0,
    core: counts?.core ?? 0,
    newLast30: counts?.newLast30 ?? 0,
  };
}

/** The people added most recently: id, name and when, newest first. */
export async function recentPeople(
  db: Db,
  orgId: string,
  limit = 5,
): Promise<{ id: string; displayName: string; createdAt: Date }[]> {
  return db
    .select({ id: people.id, displayName: people.displayName, createdAt: people.createdAt })
    .from(people)
    .where(eq(people.orgId, orgId))
    .orderBy(desc(people.createdAt))
    .limit(limit);
}
