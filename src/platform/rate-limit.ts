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

/** Seconds to wait after `failures` failed attempts in a row: none for the first few, then doubling. */
export function backoffSeconds(failures: number, rule: BackoffRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxSeconds, 2 ** (failures - rule.free + 1));
}

export type BackoffRule = {
  /** Failures allowed without any wait. */
  free: number;
  /** The longest wait between two attempts. */
  maxSeconds: number;
  /** After this long without an attempt the count starts over. */
  forgetSeconds: number;
};

/**
 * Takes one attempt on a growing-delay counter (one row: the attempts in a row and when the
 * last one was). Refused while the wait earned by the attempts so far hasn't passed; the
 * check and the count are one statement, so parallel attempts can't slip past. `clear`
 * it on a success.
 */
export async function claimAttempt(
  db: Db,
  key: string,
  rule: BackoffRule,
): Promise<{ allowed: boolean; attempts: number; retryAfterSeconds: number }> {
  const wait = sql`CASE WHEN rate_limits.hits < ${rule.free} THEN 0
      ELSE least(${rule.maxSeconds}, power(2, rate_limits.hits - ${rule.free} + 1)) END`;
  const res = await db.execute<{ hits: number }>(sql`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${rule.forgetSeconds})
        THEN 1 ELSE rate_limits.hits + 1 END,
      window_start = now()
    WHERE rate_limits.window_start < now() - make_interval(secs => ${rule.forgetSeconds})
       OR rate_limits.window_start + make_interval(secs => ${wait}) <= now()
    RETURNING hits`);
  const row = res.rows[0];
  if (row) return { allowed: true, attempts: Number(row.hits), retryAfterSeconds: 0 };
  const held = await db.execute<{ hits: number; left: number }>(sql`
    SELECT hits, ceil(extract(epoch FROM window_start
      + make_interval(secs => CASE WHEN hits < ${rule.free} THEN 0
          ELSE least(${rule.maxSeconds}, power(2, hits - ${rule.free} + 1)) END) - now()))::int AS left
    FROM rate_limits WHERE key = ${key}`);
  const h = held.rows[0];
  return {
    allowed: false,
    attempts: Number(h?.hits ?? 0),
    retryAfterSeconds: Math.max(1, Number(h?.left ?? 1)),
  };
}

/** How many hits a fixed-window counter holds now (0 when its window has passed). */
export async function hitsNow(db: Db, key: string, windowSeconds: number): Promise<number> {
  const res = await db.execute<{ hits: number }>(sql`
    SELECT hits FROM rate_limits
    WHERE key = ${key} AND window_start >= now() - make_interval(secs => ${windowSeconds})`);
  return Number(res.rows[0]?.hits ?? 0);
}
