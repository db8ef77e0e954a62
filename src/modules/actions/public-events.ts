import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { getOrganizationBySlug, type Organization } from "../accounts/organization-record";
import { actionEvents } from "./actions.schema";
import { type ActionEvent, followHearing, toEvent } from "./event-record";

// What the public pages may show: public actions that are planned (or done), never drafts
// or cancelled ones, and nothing about who is coming.

export type PublicEvent = { org: Organization; event: ActionEvent };

export async function loadPublicEvent(
  db: Db,
  orgSlug: string,
  slug: string,
): Promise<PublicEvent | null> {
  const org = await getOrganizationBySlug(db, orgSlug);
  if (!org || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 80) return null;
  const [row] = await db
    .select()
    .from(actionEvents)
    .where(
      and(
        eq(actionEvents.orgId, org.id),
        eq(actionEvents.slug, slug),
        eq(actionEvents.public, true),
        inArray(actionEvents.status, ["planned", "done"]),
      ),
    );
  return row ? { org, event: await followHearing(db, toEvent(row)) } : null;
}

export async function listPublicEvents(
  db: Db,
  orgSlug: string,
  now = new Date(),
): Promise<{ org: Organization; events: ActionEvent[] } | null> {
  const org = await getOrganizationBySlug(db, orgSlug);
  if (!org) return null;
  const rows = await db
    .select()
    .from(actionEvents)
    .where(
      and(
        eq(actionEvents.orgId, org.id),
        eq(actionEvents.public, true),
        eq(actionEvents.status, "planned"),
        gte(actionEvents.endsAt, now),
      ),
    )
    .orderBy(asc(actionEvents.startsAt))
    .limit(100);
  return { org, events: await Promise.all(rows.map((r) => followHearing(db, toEvent(r)))) };
}
