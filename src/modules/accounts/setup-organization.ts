import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { audit } from "../../platform/audit";
import { AppError, invalid, isUniqueViolation } from "../../platform/errors";
import { hashPassword } from "../../platform/passwords";
import { memberships, organizations, users } from "../../platform/platform.schema";
import type { SetupInput } from "./account-schemas";

export type CreatedOrganization = { orgId: string; userId: string; slug: string };

/**
 * Creates an organization and its first owner. An existing account with the
 * same email becomes owner without its password changing.
 * `onlyIfFirst` is the first-run setup page: it refuses once any organization exists.
 */
export async function setupOrganization(
  db: Db,
  input: SetupInput,
  options: { onlyIfFirst: boolean },
): Promise<CreatedOrganization> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      if (options.onlyIfFirst) {
        // Two people submitting setup at once: the second waits here, then sees the first.
        await tx.execute(sql`LOCK TABLE organizations IN SHARE ROW EXCLUSIVE MODE`);
        const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(organizations);
        if ((row?.n ?? 0) > 0) throw new AppError("already_set_up");
      }
      const [org] = await tx
        .insert(organizations)
        .values({
          name: input.org_name,
          slug: input.slug,
          defaultLanguage: input.default_language,
          timeZone: input.time_zone,
        })
        .returning({ id: organizations.id, slug: organizations.slug });
      if (!org) throw new Error("insert returned nothing");
      const emailLower = input.email.toLowerCase();
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.emailLower, emailLower));
      const userId =
        existing?.id ??
        (
          await tx
            .insert(users)
            .values({
              email: input.email,
              emailLower,
              name: input.owner_name,
              passwordHash,
              language: input.default_language,
            })
            .returning({ id: users.id })
        )[0]?.id;
      if (!userId) throw new Error("insert returned nothing");
      await tx.insert(memberships).values({ orgId: org.id, userId, role: "owner" });
      await audit(tx, { orgId: org.id, userId, role: "owner" }, "organization.created", {
        type: "organization",
        id: org.id,
      });
      return { orgId: org.id, userId, slug: org.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "organizations_slug_key")) throw invalid({ slug: "slug_taken" });
    throw error;
  }
}

export async function organizationCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return row?.n ?? 0;
}
