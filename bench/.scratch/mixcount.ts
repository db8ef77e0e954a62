import { openDatabase } from "../../src/db/client";
import { inventPeople } from "../../src/modules/demo/invented-people";
import { likePattern, searchTerms } from "../../src/modules/people/person";
import { queryMix } from "../people-queries";

const database = await openDatabase({ databaseUrl: process.env.URL });
const mix = queryMix(200, inventPeople(100000, 7));
const counts: [string, number][] = [];
await database.withConnection(async (q) => {
  for (const { q: t } of mix) {
    const terms = searchTerms(t);
    const r = await q(
      `SELECT count(*)::int n FROM people WHERE ${["true", ...terms.map((_, i) => `search_text LIKE $${i + 1}`)].join(" AND ")}`,
      terms.map(likePattern),
    );
    counts.push([t, Number(r[0]?.n)]);
  }
});
counts.sort((a, b) => b[1] - a[1]);
console.log(
  counts
    .slice(0, 20)
    .map(([t, n]) => `${t}=${n}`)
    .join(", "),
);
console.log(
  "over 20k:",
  counts.filter(([, n]) => n > 20000).length,
  "over 5k:",
  counts.filter(([, n]) => n > 5000).length,
  "zero:",
  counts.filter(([, n]) => n === 0).length,
);
await database.close();
