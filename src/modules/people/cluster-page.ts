import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { estimatedCount, explainsMost, sortsPrefixFirst, walkedPage } from "./broad-page";
import { firstWordsBefore } from "./first-words";
import type { PeopleQuery } from "./search-people";

/**
 * The page of a one-word search whose word begins many sort names ("lucía", "migu",
 * "sofia."), without collecting matches through the table (decision 109). The people
 * sorting from the word's leading letters on are read in name order from the sort index
 * (index-only, at most twice the limit): when more than `cap` of them match, the search
 * is proven broad, and its page is the matches before those letters (through the trigram
 * index, given the first words before them) with those read. Undefined when not proven
 * (the word is inside names, or its matches spread out): the search collects as before.
 */
export async function clusterPage(
  db: Db,
  orgId: string,
  query: PeopleQuery,
  o: { where: SQL; term: string; cap: number; offset: number; walkLimit: number },
) {
  const word = /^\p{L}{3,}/u.exec(o.term)?.[0];
  const need = o.offset + query.perPage;
  if (!word || need > o.cap + 1 || !(await sortsPrefixFirst(db))) return undefined;
  const extra = sql.raw(`${query.tag ? ", tags" : ""}${query.level ? ", engagement_level" : ""}`);
  const read = await db.execute<{ sort_name: string }>(sql`SELECT sort_name FROM (
      SELECT id, org_id, sort_name, search_text${extra} FROM people
      WHERE org_id = ${orgId} AND sort_name >= ${word}
      ORDER BY sort_name, id LIMIT ${2 * (o.cap + 1)}) AS people
    WHERE ${o.where} ORDER BY sort_name, id LIMIT ${o.cap + 1}`);
  const bound = read.rows[need - 1]?.sort_name;
  if (read.rows.length <= o.cap || bound === undefined) return undefined;
  const total = Math.max(o.cap + 1, await estimatedCount(db, o.where));
  if (!(await explainsMost(db, orgId, word, total))) return undefined;
  const before = await firstWordsBefore(db, orgId, word);
  if (!before) return undefined;
  const rows = await walkedPage(db, orgId, query, { ...o, bound, from: { word, before } });
  return rows && { rows, total };
}
