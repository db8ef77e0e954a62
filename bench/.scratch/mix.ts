import { openDatabase } from "../../src/db/client";
import { inventPeople } from "../../src/modules/demo/invented-people";
import { likePattern, searchTerms } from "../../src/modules/people/person";
import { COLUMNS, queryMix } from "../people-queries";

const database = await openDatabase({ databaseUrl: process.env.URL, dataDir: process.env.DIR });
const PCOLS = COLUMNS.split(", ")
  .map((c) => `p.${c}`)
  .join(", ");
const where = (n: number) =>
  ["org_id = $1", ...Array.from({ length: n }, (_, i) => `search_text LIKE $${i + 2}`)].join(
    " AND ",
  );
type Q = (s: string, p: unknown[]) => Promise<Record<string, unknown>[]>;
const variants: Record<string, (q: Q, org: string, p: string[]) => Promise<number>> = {
  window: async (q, org, p) =>
    Number(
      (
        await q(
          `SELECT ${COLUMNS}, count(*) OVER () AS total FROM people WHERE ${where(p.length)} ORDER BY sort_name, id LIMIT 25 OFFSET 0`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
  subq: async (q, org, p) =>
    Number(
      (
        await q(
          `SELECT ${COLUMNS}, (SELECT count(*) FROM people WHERE ${where(p.length)}) AS total FROM people WHERE ${where(p.length)} ORDER BY sort_name, id LIMIT 25 OFFSET 0`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
  mat: async (q, org, p) =>
    Number(
      (
        await q(
          `WITH m AS MATERIALIZED (SELECT id, sort_name FROM people WHERE ${where(p.length)}), t AS (SELECT id, sort_name, count(*) OVER () AS total FROM m ORDER BY sort_name, id LIMIT 25 OFFSET 0) SELECT ${PCOLS}, t.total FROM t JOIN people p ON p.id = t.id AND p.org_id = $1 ORDER BY t.sort_name, t.id`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
  matcount: async (q, org, p) =>
    Number(
      (
        await q(
          `WITH m AS MATERIALIZED (SELECT id, sort_name FROM people WHERE ${where(p.length)}) SELECT ${PCOLS}, (SELECT count(*) FROM m) AS total FROM (SELECT id, sort_name FROM m ORDER BY sort_name, id LIMIT 25 OFFSET 0) t JOIN people p ON p.id = t.id AND p.org_id = $1 ORDER BY t.sort_name, t.id`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
};
const names = (process.env.V ?? Object.keys(variants).join(",")).split(",");
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
await database.withConnection(async (q) => {
  if (process.env.NOSTATS)
    await q("DELETE FROM pg_statistic WHERE starelid = 'people'::regclass", []);
  else if (process.env.ANALYZE) await q("ANALYZE people", []);
  const org = String((await q("SELECT id FROM organizations LIMIT 1", []))[0]?.id);
  const mix = queryMix(200, inventPeople(100000, 7));
  for (const { q: text } of mix.slice(0, 40))
    for (const n of names) await variants[n]!(q, org, searchTerms(text).map(likePattern));
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const slow: Record<string, [number, string][]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const [i, { q: text }] of mix.entries()) {
    const pats = searchTerms(text).map(likePattern);
    const order = i % 2 ? [...names].reverse() : names;
    const totals = new Set<number>();
    for (const n of order) {
      const t = performance.now();
      totals.add(await variants[n]!(q, org, pats));
      const ms = performance.now() - t;
      times[n]!.push(ms);
      slow[n]!.push([ms, text]);
    }
    if (totals.size > 1) console.log("MISMATCH", text, [...totals]);
  }
  for (const n of names) {
    const s = slow[n]!.sort((a, b) => b[0] - a[0])
      .slice(0, 4)
      .map(([ms, t]) => `${t}:${ms.toFixed(0)}`)
      .join(" ");
    console.log(
      `${n.padEnd(9)} p50 ${pct(times[n]!, 0.5).toFixed(1)}  p95 ${pct(times[n]!, 0.95).toFixed(1)}  max ${pct(times[n]!, 1).toFixed(1)}   slowest ${s}`,
    );
  }
});
await database.close();
