// Before/after through the app path, interleaved per query, in one process.
import { openDatabase } from "../../src/db/client";
import { inventPeople } from "../../src/modules/demo/invented-people";
import { queryMix } from "../people-queries";
import * as after from "./search-people-after";
import * as before from "./search-people-before";

const database = await openDatabase({ databaseUrl: process.env.URL, dataDir: process.env.DIR });
const [org] = await database.withConnection((q) => q("SELECT id FROM organizations LIMIT 1", []));
const actor = { orgId: String(org?.id), userId: null, role: "owner" as const };
if (process.env.NOSTATS)
  await database.exec("DELETE FROM pg_statistic WHERE starelid = 'people'::regclass");
if (process.env.ANALYZE) await database.exec("ANALYZE people");
const mix = queryMix(200, inventPeople(100000, 7));
const impls = { before: before.searchPeople, after: after.searchPeople };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
for (const { q } of mix.slice(0, 40))
  for (const f of Object.values(impls)) await f(database.db, actor, { q, page: 1, perPage: 25 });
const t: Record<string, number[]> = { before: [], after: [] };
for (const [i, { q }] of mix.entries()) {
  const names = i % 2 ? ["after", "before"] : ["before", "after"];
  const res: Record<string, string> = {};
  for (const n of names) {
    const s = performance.now();
    const page = await impls[n as "before"](database.db, actor, { q, page: 1, perPage: 25 });
    t[n]!.push(performance.now() - s);
    res[n] = `${page.total}:${page.people.map((p) => p.id).join(",")}`;
  }
  if (res.before !== res.after) console.log("DIFFERENT", q);
}
for (const n of ["before", "after"])
  console.log(
    `${n.padEnd(7)} p50 ${pct(t[n]!, 0.5).toFixed(1)} p95 ${pct(t[n]!, 0.95).toFixed(1)} max ${pct(t[n]!, 1).toFixed(1)}`,
  );
for (const q of ["", "555 01", "@example.org", "ma", "lucía"]) {
  const line = [];
  for (const [n, f] of Object.entries(impls)) {
    const xs = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await f(database.db, actor, { q, page: 1, perPage: 25 });
      xs.push(performance.now() - s);
    }
    line.push(`${n} ${pct(xs, 0.5).toFixed(1)}`);
  }
  // deeper page equality
  const a = await before.searchPeople(database.db, actor, { q, page: 3, perPage: 25 });
  const b = await after.searchPeople(database.db, actor, { q, page: 3, perPage: 25 });
  if (a.total !== b.total || a.people.map((p) => p.id).join() !== b.people.map((p) => p.id).join())
    console.log("PAGE 3 DIFFERENT", q);
  console.log(`  "${q}": ${line.join("  ")}`);
}
await database.close();
