import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { organizations } from "../../platform/platform.schema";
import { actionCohosts, actionEvents } from "./actions.schema";

// What an invited organization may know of an action before it accepts: who invites it,
// the title and when. Nothing of the plan (roles, people, materials) until it accepts.

export type CohostInvitation = {
  id: string;
  hostName: string;
  title: { es: string; en: string };
  startsAt: Date;
  timeZone: string;
};

export async function listCohostInvitations(db: Db, orgId: string): Promise<CohostInvitation[]> {
  const rows = await db
    .select({
      id: actionCohosts.id,
      hostName: organizations.name,
      titleEs: actionEvents.titleEs,
      titleEn: actionEvents.titleEn,
      startsAt: actionEvents.startsAt,
      timeZone: actionEvents.timeZone,
    })
    .from(actionCohosts)
    .innerJoin(actionEvents, eq(actionEvents.id, actionCohosts.eventId))
    .innerJoin(organizations, eq(organizations.id, actionCohosts.orgId))
    .where(and(eq(actionCohosts.cohostOrgId, orgId), eq(actionCohosts.status, "invited")))
    .orderBy(asc(actionEvents.startsAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    hostName: r.hostName,
    title: { es: r.titleEs, en: r.titleEn || r.titleEs },
    startsAt: r.startsAt,
    timeZone: r.timeZone,
  }));
}
