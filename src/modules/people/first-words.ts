import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/**
 * At most this many distinct first words before the bound's: past it, looking for the
 * matches sorting before the word through the trigram index costs more than it saves.
 */
export const FIRST_WORDS_LIMIT = 200;

/**
 * The distinct first words (up to the first space) of the sort names before `word`, in an
 * organization: a skip scan of the sort index, two index probes per word. Undefined when
 * there are more than FIRST_WORDS_LIMIT. Relies on byte order (the caller checks it): the
 * names of one first word w are w itself and those from "w " up to "w!", so the next name
 * of another word is the first after the cursor below "w ", or the first from "w!" on.
 * A word may come twice (names of another word between "w" and "w "); never missed.
 */
export async function firstWordsBefore(
  db: Db,
  orgId: string,
  word: string,
): Promise<string[] | undefined> {
  const result = await db.execute<{ w: string | null; past: boolean }>(sql`WITH RECURSIVE
    cursor(c, n) AS (
      (SELECT sort_name, 1 FROM people WHERE org_id = ${orgId} AND sort_name < ${word}
        ORDER BY sort_name LIMIT 1)
      UNION ALL
      SELECT LEAST(
          (SELECT p.sort_name FROM people p WHERE p.org_id = ${orgId} AND p.sort_name > cursor.c
            AND p.sort_name < split_part(cursor.c, ' ', 1) || ' ' ORDER BY p.sort_name LIMIT 1),
          (SELECT p.sort_name FROM people p WHERE p.org_id = ${orgId}
            AND p.sort_name >= split_part(cursor.c, ' ', 1) || '!' ORDER BY p.sort_name LIMIT 1)),
        cursor.n + 1
      FROM cursor WHERE cursor.c < ${word} AND cursor.n <= ${FIRST_WORDS_LIMIT * 2})
    SELECT split_part(c, ' ', 1) AS w, (c IS NULL OR c >= ${word}) AS past FROM cursor`);
  const rows = result.rows;
  // Complete when the scan got past the word (or to the end), or there was nothing before it.
  if (rows.length > 0 && !rows.some((r) => r.past)) return undefined;
  const words = [...new Set(rows.filter((r) => !r.past).map((r) => String(r.w)))];
  return words.length > FIRST_WORDS_LIMIT ? undefined : words;
}
