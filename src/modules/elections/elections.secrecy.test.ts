import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, STORES } from "../../../test/support/stores";
import type { Database } from "../../db/client";

// Secrecy by design, proven from the migrated schema itself: nothing in the database can
// pair a row of the roll (who voted) with a row of the ballots (what was voted).
describe.each(STORES)("the ballots can't be linked to the voters on %s", (store) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(store);
  });
  afterAll(() => database.close());

  const columns = async (table: string) =>
    (
      await database.db.execute<{ name: string; type: string; fallback: string | null }>(sql`
        SELECT column_name AS name, data_type AS type, column_default AS fallback
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table}
        ORDER BY column_name`)
    ).rows;

  it("gives a ballot only its election, a random id, the receipt, the choices and a minute", async () => {
    const ballot = await columns("election_ballots");
    expect(ballot.map((c) => c.name)).toEqual([
      "choices",
      "created_at",
      "election_id",
      "id",
      "org_id",
      "receipt",
    ]);
    const id = ballot.find((c) => c.name === "id")!;
    expect(id.fallback).toBe("gen_random_uuid()");
    const voter = await columns("election_voters");
    const shared = voter.map((c) => c.name).filter((n) => ballot.some((b) => b.name === n));
    // Same names, not shared values: id is random in each table, the rest say which
    // election and organization, which every ballot and every voter of it have in common.
    expect(shared.sort()).toEqual(["created_at", "election_id", "id", "org_id"]);
  });

  it("has no foreign key, sequence or shared key between the two tables", async () => {
    const links = await database.db.execute<{ from_table: string; to_table: string }>(sql`
      SELECT tc.table_name AS from_table, ccu.table_name AS to_table
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu
        ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
        AND tc.table_name IN ('election_ballots', 'election_voters')`);
    for (const link of links.rows) {
      expect(["organizations", "elections"]).toContain(link.to_table);
    }
    for (const table of ["election_ballots", "election_voters"]) {
      for (const c of await columns(table)) expect(c.fallback ?? "").not.toMatch(/nextval/i);
    }
  });

  it("keeps no time finer than the minute on either table", async () => {
    for (const table of ["election_ballots", "election_voters"]) {
      const times = (await columns(table)).filter((c) => c.type.startsWith("timestamp"));
      expect(times.map((c) => c.name)).toEqual(["created_at"]);
      expect(times[0]!.fallback).toMatch(/date_trunc\('minute'/);
    }
  });

  it("indexes the ballots by nothing that follows the order they were cast in", async () => {
    const indexes = await database.db.execute<{ definition: string }>(sql`
      SELECT indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'election_ballots'`);
    for (const index of indexes.rows) {
      expect(index.definition).not.toMatch(/created_at/);
    }
  });
});
