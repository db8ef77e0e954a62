import { openDatabase } from "../../src/db/client";
import { likePattern, searchTerms } from "../../src/modules/people/person";

const database = await openDatabase({ databaseUrl: process.env.URL, dataDir: process.env.DIR });
const COLS =
  "id, display_name, given_name, family_name, phone_numbers, preferred_language, engagement_level, tags, consent_email, consent_sms, notes, birthdate_enc, home_address_enc, created_at, updated_at";
const qs = (
  process.env.QS ??
  "555 01|ar|GARCIA|maria fernandez|lucía|0104|torres.fernandez.2487@|@example.org|fern|smith|1234|maria|jose garcia|xyzq|"
).split("|");
const where = (n: number, off = 1) =>
  ["org_id = $1", ...Array.from({ length: n }, (_, i) => `search_text LIKE $${i + 1 + off}`)].join(
    " AND ",
  );
type V = (
  q: (s: string, p: unknown[]) => Promise<Record<string, unknown>[]>,
  org: string,
  pats: string[],
) => Promise<number>;
const variants: Record<string, V> = {
  window: async (q, org, p) =>
    Number(
      (
        await q(
          `SELECT ${COLS}, count(*) OVER () AS total FROM people WHERE ${where(p.length)} ORDER BY sort_name, id LIMIT 25 OFFSET 0`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
  split: async (q, org, p) => {
    const rows = await q(
      `SELECT ${COLS} FROM people WHERE ${where(p.length)} ORDER BY sort_name, id LIMIT 25 OFFSET 0`,
      [org, ...p],
    );
    const c = await q(`SELECT count(*)::int AS n FROM people WHERE ${where(p.length)}`, [
      org,
      ...p,
    ]);
    return rows.length ? Number(c[0]?.n) : 0;
  },
  subq: async (q, org, p) =>
    Number(
      (
        await q(
          `SELECT ${COLS}, (SELECT count(*) FROM people WHERE ${where(p.length)}) AS total FROM people WHERE ${where(p.length)} ORDER BY sort_name, id LIMIT 25 OFFSET 0`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
  narrow: async (q, org, p) =>
    Number(
      (
        await q(
          `WITH m AS (SELECT id, sort_name, count(*) OVER () AS total FROM people WHERE ${where(p.length)} ORDER BY sort_name, id LIMIT 25 OFFSET 0) SELECT ${COLS.split(
            ", ",
          )
            .map((c) => `p.${c}`)
            .join(", ")}, m.total FROM m JOIN people p ON p.id = m.id ORDER BY m.sort_name, m.id`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
  mat: async (q, org, p) =>
    Number(
      (
        await q(
          `WITH m AS MATERIALIZED (SELECT id, sort_name FROM people WHERE ${where(p.length)}), t AS (SELECT id, sort_name, count(*) OVER () AS total FROM m ORDER BY sort_name, id LIMIT 25 OFFSET 0) SELECT ${COLS.split(
            ", ",
          )
            .map((c) => `p.${c}`)
            .join(
              ", ",
            )}, t.total FROM t JOIN people p ON p.id = t.id AND p.org_id = $1 ORDER BY t.sort_name, t.id`,
          [org, ...p],
        )
      )[0]?.total ?? 0,
    ),
};
const only = process.env.V?.split(",");
await database.withConnection(async (q) => {
  const org = String((await q("SELECT id FROM organizations LIMIT 1", []))[0]?.id);
  for (const text of qs) {
    const pats = searchTerms(text).map(likePattern);
    const line: string[] = [];
    for (const [name, v] of Object.entries(variants)) {
      if (only && !only.includes(name)) continue;
      await v(q, org, pats);
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        n = await v(q, org, pats);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      line.push(`${name} ${times[2]!.toFixed(1)}`);
      if (name === "window") line.push(`(n=${n})`);
    }
    console.log(`${text.padEnd(24)} ${line.join("  ")}`);
  }
});
await database.close();
