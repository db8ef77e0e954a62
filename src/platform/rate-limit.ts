import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

// Fixed-window counter in the database, so every app instance shares it.
export async function hit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const res = await db.execute<{ hits: number; age: number }>(sql`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
        THEN now() ELSE rate_limits.window_start END,
      hits = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
        THEN 1 ELSE rate_limits.hits + 1 END
    RETURNING hits, extract(epoch FROM now() - window_start)::int AS age`);
  const row = res.rows[0] ?? { hits: 1, age: 0 };
  return {
    allowed: row.hits <= limit,
    retryAfterSeconds: Math.max(1, windowSeconds - Number(row.age)),
  };
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

/** Gives back one hit (an attempt that turned out not to count). */
export async function refund(db: Db, key: string): Promise<void> {
  await db.execute(sql`UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = ${key}`);
}
