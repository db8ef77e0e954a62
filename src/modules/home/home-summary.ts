import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { can } from "../../platform/permissions";
import { memberships } from "../../platform/platform.schema";
import { type HearingItem, upcomingHearings } from "../defense/case-dashboard";
import { countPeople, type PeopleCounts, recentPeople } from "../people/people-summary";

export type HomeSummary = PeopleCounts & {
  members: number;
  recent: { id: string; displayName: string; createdAt: Date }[];
  /** Scheduled hearings in the next 7 days (empty for roles that can't read cases). */
  hearingsThisWeek: HearingItem[];
};

export async function homeSummary(db: Db, actor: Actor): Promise<HomeSummary> {
  const counts = await countPeople(db, actor.orgId);
  const [team] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(memberships)
    .where(eq(memberships.orgId, actor.orgId));
  return {
    ...counts,
    members: team?.n ?? 0,
    recent: await recentPeople(db, actor.orgId, 5),
    hearingsThisWeek: can(actor.role, "cases.read")
      ? await upcomingHearings(db, actor.orgId, { days: 7 })
      : [],
  };
}
