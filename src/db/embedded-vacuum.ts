import type { Database } from "./client";

// PGlite runs PostgreSQL in one process without its background workers: no autovacuum.
// Without VACUUM, a table's visibility map stays empty, so an index-only scan (supply stock,
// decision 096; funds totals, decision 084) reads the table anyway, and without ANALYZE the
// planner guesses from stale row counts. The embedded store vacuums itself instead, now and
// then, when enough was written since the last time. PostgreSQL has autovacuum: nothing to do.

export type EmbeddedVacuum = {
  /** Vacuums when at least `minWalBytes` of WAL were written since the last run. */
  runOnce(): Promise<boolean>;
  stop(): void;
};

export function startEmbeddedVacuum(
  database: Database,
  options: { everyMs?: number; minWalBytes?: number; log?: (line: string) => void } = {},
): EmbeddedVacuum {
  const everyMs = options.everyMs ?? 10 * 60_000;
  const minWalBytes = options.minWalBytes ?? 4 * 1024 * 1024;
  const log = options.log ?? ((line: string) => console.error(line));
  let lastLsn: bigint | null = null;
  let running = false;

  const walPosition = async () => {
    const [row] = await database.withConnection((query) =>
      query("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::text AS bytes"),
    );
    return BigInt(String(row?.bytes ?? "0"));
  };

  const runOnce = async () => {
    if (database.kind !== "pglite" || running) return false;
    running = true;
    try {
      const now = await walPosition();
      if (lastLsn !== null && now - lastLsn < BigInt(minWalBytes)) return false;
      const started = Date.now();
      await database.exec("VACUUM (ANALYZE)");
      lastLsn = await walPosition();
      log(`embedded store vacuumed in ${Date.now() - started} ms`);
      return true;
    } finally {
      running = false;
    }
  };

  const timer =
    database.kind === "pglite"
      ? setInterval(() => {
          runOnce().catch((e: unknown) =>
            log(`embedded store vacuum: ${e instanceof Error ? e.message : String(e)}`),
          );
        }, everyMs)
      : null;
  timer?.unref();
  return { runOnce, stop: () => timer && clearInterval(timer) };
}
