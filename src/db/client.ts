import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { checkChannel, type Listener, type ListenHandlers, listenPostgres } from "./listen";

// Both drivers share drizzle's PgDatabase surface; operations only see this type.
// A transaction is a PgDatabase too, so operations take `Db` and work inside one.
// `execute()` results are typed as `{ rows }`, which both drivers return.
type Rows<R> = { rows: R[] };
export interface RowsResultHKT extends PgQueryResultHKT {
  type: Rows<this["row"]>;
}
export type Db = PgDatabase<RowsResultHKT>;

export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /** Run raw SQL (migrations, bulk loads). */
  exec(sql: string): Promise<void>;
  /** Run work on one dedicated connection (session-level locks, COPY-like bulk loads). */
  withConnection<T>(fn: (query: RawQuery) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel (PostgreSQL: a dedicated connection that reconnects). Stops, and
   * calls `closed`, when the database closes. NOTIFY with `SELECT pg_notify(channel, text)`.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listener>;
  close(): Promise<void>;
};

export type RawQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A PGlite data directory dump to start from (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped idle connection must not crash the process.
  pool.on("error", () => {});
  const client = await pool.connect();
  client.release();
  // Listeners hold connections of their own: close() waits for those still starting.
  const listeners = new Set<Listener>();
  const starts = new Set<Promise<Listener>>();
  let closing = false;
  return {
    kind: "postgres",
    db: drizzleNodePg(pool) as unknown as Db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    withConnection: async (fn) => {
      const conn = await pool.connect();
      try {
        return await fn(async (sql, params) => {
          const res = await conn.query(sql, params);
          const last = Array.isArray(res) ? res[res.length - 1] : res;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        conn.release();
      }
    },
    listen: async (channel, handlers) => {
      if (closing) throw new Error("the database is closed");
      const starting = listenPostgres(url, channel, handlers);
      starts.add(starting);
      try {
        const listener = await starting;
        listeners.add(listener);
        if (closing) await listener.stop();
        return listener;
      } finally {
        starts.delete(starting);
      }
    },
    close: async () => {
      closing = true;
      await Promise.allSettled([...starts]);
      await Promise.all([...listeners].map((l) => l.stop()));
      await pool.end();
    },
  };
}

/**
 * PGlite's PostgreSQL keeps its shared buffers inside the WebAssembly heap, so the default
 * 128MB is 128MB more resident memory from the first query on. 32MB took a bare PGlite
 * from ~297 MB to ~199 MB RSS (decision 090); pages past it are read from the data
 * directory through the OS page cache, which the kernel can give back under pressure.
 * AMPARO_PGLITE_SHARED_BUFFERS (e.g. "128MB") gives a server with memory to spare more.
 */
const PGLITE_SHARED_BUFFERS = /^\d{1,5}MB$/.test(process.env.AMPARO_PGLITE_SHARED_BUFFERS ?? "")
  ? (process.env.AMPARO_PGLITE_SHARED_BUFFERS as string)
  : "32MB";

export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir: `${dataDir}/pglite` } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const listeners = new Set<Listener>();
  return {
    kind: "pglite",
    db: drizzlePglite(client) as unknown as Db,
    exec: async (sql) => {
      await client.exec(sql);
    },
    withConnection: (fn) =>
      fn(async (sql, params) => {
        if (params) return (await client.query<Record<string, unknown>>(sql, params)).rows;
        const results = await client.exec(sql);
        return (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[];
      }),
    // One process owns a PGlite store, so this only hears its own NOTIFYs.
    listen: async (channel, handlers) => {
      if (client.closed) throw new Error("the database is closed");
      const unlisten = await client.listen(checkChannel(channel), handlers.message);
      let stopped = false;
      const listener: Listener = {
        stop: async () => {
          if (stopped) return;
          stopped = true;
          listeners.delete(listener);
          if (!client.closed) await unlisten().catch(() => {});
          handlers.closed?.();
        },
      };
      listeners.add(listener);
      return listener;
    },
    close: async () => {
      await Promise.all([...listeners].map((l) => l.stop()));
      await client.close();
    },
  };
}

/** The raw PGlite handle, for dumping a migrated template in tests. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir("none");
}
