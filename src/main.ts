import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { EmbeddedPostgresError, MOVE_PGLITE_COMMAND } from "./db/embedded-postgres";
import { startEmbeddedVacuum } from "./db/embedded-vacuum";
import { actionForMessages, actionsAhead } from "./modules/actions";
import { startOutboxWorker } from "./modules/messaging/messaging-runtime";
import { withStoredPages } from "./modules/public/public-serving";
import { KeyMismatchError, openStore } from "./store";

// Start the server: config -> database (migrated) -> app -> listen.
async function main() {
  const config = loadConfig();
  const { database, cipher } = await openStore(config);
  if (database.kind === "pglite") collectGarbageOnce();
  const app = createApp({ database, cipher, config });
  const server = serve(
    {
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      // Stored public pages are written before Hono sees the request.
      createServer: withStoredPages(app.serveStored),
    },
    (info) => {
      const where = config.databaseUrl
        ? "PostgreSQL"
        : config.store === "embedded-postgres"
          ? `embedded PostgreSQL in ${config.dataDir}/postgres`
          : `PGlite in ${config.dataDir}`;
      console.log(`Amparo listening on http://localhost:${info.port} (${where})`);
      if (database.kind === "pglite") {
        console.log(
          `The PGlite store is deprecated (decision 106): move it into the embedded PostgreSQL store with ${MOVE_PGLITE_COMMAND}, then start without AMPARO_STORE`,
        );
      }
    },
  );
  // Email and SMS go out from the outbox in this process (several instances share it).
  const outbox = startOutboxWorker({
    db: database.db,
    cipher,
    config,
    // Action reminders re-check the action through the actions module's published reads.
    actions: {
      lookup: (orgId, id) => actionForMessages(database.db, orgId, id),
      ahead: actionsAhead,
    },
  });
  // PGlite has no autovacuum: the server vacuums it now and then (PostgreSQL: a no-op).
  const vacuum = startEmbeddedVacuum(database);
  // A terminal's Ctrl-C can arrive twice (from the terminal, and forwarded by `tsx watch`).
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    vacuum.stop();
    server.close();
    await outbox.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * Opening a new PGlite store runs initdb in a WebAssembly instance of its own that is
 * garbage once the store is open; V8 keeps those hundreds of megabytes until a full
 * collection it may not start for a long time (measured: 681 MB resident right after a
 * first start, 347 MB after one collection; decision 090). One full collection at start,
 * before the first request, gives them back.
 */
function collectGarbageOnce() {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  gc?.();
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof KeyMismatchError ||
    error instanceof EmbeddedPostgresError
  ) {
    console.error(`Amparo can't start: ${error.message}`);
    process.exit(2);
  }
  console.error("Amparo can't start:", error);
  process.exit(1);
});
