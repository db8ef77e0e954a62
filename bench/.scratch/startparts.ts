const t0 = performance.now();
const { createApp } = await import("../../src/app");
const t1 = performance.now();
const { openDatabase } = await import("../../src/db/client");
const { migrate } = await import("../../src/db/migrate");
const t2 = performance.now();
const db = await openDatabase({ dataDir: process.env.DIR });
const t3 = performance.now();
await migrate(db);
const t4 = performance.now();
await db.withConnection((q) => q("SELECT 1", []));
const t5 = performance.now();
console.log(
  JSON.stringify({
    sinceProcessStart: Math.round(t0),
    importApp: Math.round(t1 - t0),
    importDb: Math.round(t2 - t1),
    openPglite: Math.round(t3 - t2),
    migrate: Math.round(t4 - t3),
    select1: Math.round(t5 - t4),
    typeof: typeof createApp,
  }),
);
await db.close();
