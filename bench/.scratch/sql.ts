import { readFileSync } from "node:fs";
import { openDatabase } from "../../src/db/client";

const database = await openDatabase({ databaseUrl: process.env.URL, dataDir: process.env.DIR });
const text = readFileSync(0, "utf8");
for (const stmt of text
  .split(/;\s*\n/)
  .map((s) => s.trim())
  .filter(Boolean)) {
  const t = performance.now();
  const rows = await database.withConnection((q) => q(stmt, []));
  const ms = performance.now() - t;
  console.log(`-- ${ms.toFixed(1)} ms: ${stmt.slice(0, 100).replace(/\s+/g, " ")}`);
  if (/^explain/i.test(stmt)) for (const r of rows) console.log(Object.values(r)[0]);
  else for (const r of rows.slice(0, 5)) console.log(JSON.stringify(r));
}
await database.close();
