import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Lang } from "../../platform/i18n";
import { organizations } from "../../platform/platform.schema";

export type Organization = {
  id: string;
  name: string;
  slug: string;
  defaultLanguage: Lang;
  timeZone: string;
};

const SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

/** For public pages (/p/{org}/...): the organization with this slug, or null. */
export async function getOrganizationBySlug(db: Db, slug: string): Promise<Organization | null> {
  const wanted = slug.toLowerCase();
  if (!SLUG.test(wanted)) return null;
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      defaultLanguage: organizations.defaultLanguage,
      timeZone: organizations.timeZone,
    })
    .from(organizations)
    .where(eq(organizations.slug, wanted));
  return row ?? null;
}

/** The organization's time zone (UTC when the organization is not found). */
export async function orgTimeZone(db: Db, orgId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row?.timeZone ?? "UTC";
}
