import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { can } from "../../platform/permissions";
import { memberships } from "../../platform/platform.schema";
import { type HearingItem, upcomingHearings } from "../defense/case-dashboard";
import { people } from "../people/people.schema";

export type HomeSummary = {
  total: number;
  leaders: number;
  core: number;
  newLast30: number;
  members: number;
  recent: { id: string; displayName: string; createdAt: Date }[];
  /** Scheduled hearings in the next 7 days (empty for roles that can't read cases). */
  hearingsThisWeek: HearingItem[];
};

export async function homeSummary(db: Db, actor: Actor): Promise<HomeSummary> {
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
    .where(eq(people.orgId, actor.orgId));
  const [team] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(memberships)
    .where(and(eq(memberships.orgId, actor.orgId)));
  const recent = await db
    .select({ id: people.id, displayName: people.displayName, createdAt: people.createdAt })
    .from(people)
    .where(eq(people.orgId, actor.orgId))
    .orderBy(desc(people.createdAt))
    .limit(5);
  return {
    total: counts?.total ?? 0,
    leaders: counts?.leaders ?? 0,
    core: counts?.core ?? 0,
    newLast30: counts?.newLast30 ?? 0,
    members: team?.n ?? 0,
    recent,
    hearingsThisWeek: can(actor.role, "cases.read")
      ? await upcomingHearings(db, actor.orgId, { days: 7 })
      : [],
  };
}
