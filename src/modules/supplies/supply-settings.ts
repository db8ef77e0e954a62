import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
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
