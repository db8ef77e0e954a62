import { sql } from "drizzle-orm";
import type { TestApp } from "./app";

/** How many people the organization's database holds (what a refused write must leave). */
export async function peopleCount(t: TestApp, orgId: string): Promise<number> {
  const result = await t.database.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM people WHERE org_id = ${orgId}`,
  );
  return Number(result.rows[0]?.n);
}

/** How many people of any organization carry this display name (a refused write leaves none). */
export async function peopleNamed(t: TestApp, displayName: string): Promise<number> {
  const result = await t.database.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM people WHERE display_name = ${displayName}`,
  );
  return Number(result.rows[0]?.n);
}
