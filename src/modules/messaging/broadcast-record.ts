import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import { broadcasts } from "./messaging.schema";

export type Broadcast = typeof broadcasts.$inferSelect;

export async function getBroadcast(db: Db, orgId: string, id: string): Promise<Broadcast | null> {
  const [row] = await db
    .select()
    .from(broadcasts)
    .where(ownRow(broadcasts, orgId, id));
  return row ?? null;
}

export async function listBroadcasts(db: Db, orgId: string, limit = 50): Promise<Broadcast[]> {
  return db
    .select()
    .from(broadcasts)
    .where(eq(broadcasts.orgId, orgId))
    .orderBy(desc(broadcasts.createdAt))
    .limit(limit);
}
