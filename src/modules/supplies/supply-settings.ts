import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { organizations } from "../../platform/platform.schema";
import { supplySettings } from "./supplies.schema";

export const DEFAULT_PLEDGE_EXPIRY_DAYS = 7;

/** The organization's supplies settings; no row means the defaults. */
export async function pledgeExpiryDays(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ days: supplySettings.pledgeExpiryDays })
    .from(supplySettings)
    .where(eq(supplySettings.orgId, orgId));
  return row?.days ?? DEFAULT_PLEDGE_EXPIRY_DAYS;
}

export async function orgTimeZone(db: Db, orgId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row?.timeZone ?? "UTC";
}
