import { and, eq, sql } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, STORES } from "../../test/support/stores";
import type { Database } from "./client";
import { builtOnce, placeholderOf } from "./prepared";

// A table of this test's own (created here, not in a migration).
const notes = pgTable("prepared_test_notes", {
  id: uuid("id").primaryKey().defaultRandom(),
  owner: text("owner").notNull(),
  body: text("body"),
  at: timestamp("at", { withTimezone: true }).notNull(),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
});

const insertNote = builtOnce((db) =>
  db
    .insert(notes)
    .values({
      owner: sql.placeholder("owner"),
      body: sql.placeholder("body"),
      at: sql.placeholder("at"),
      detail: sql.placeholder("detail"),
    })
    .returning({ id: notes.id, at: notes.at }),
);

const touchNote = builtOnce((db) =>
  db
    .insert(notes)
    .values({
      id: sql.placeholder("id"),
      owner: sql.placeholder("owner"),
      at: sql.placeholder("at"),
      detail: sql.placeholder("detail"),
    })
    .onConflictDoUpdate({ target: notes.id, set: { at: placeholderOf("at", notes.at) } })
    .returning({ at: notes.at }),
);

const notesOf = builtOnce((db) =>
  db
    .select()
    .from(notes)
    .where(and(eq(notes.owner, sql.placeholder("owner")), eq(notes.body, sql.placeholder("body")))),
);

describe.each(STORES)("builtOnce on %s", (store) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(store);
    await database.exec(`CREATE TABLE prepared_test_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), owner text NOT NULL, body text,
      at timestamptz NOT NULL, detail jsonb NOT NULL)`);
  });
  afterAll(async () => {
    await database.close();
  });

  it("runs the statement built once with each call's values, on the pool and in transactions", async () => {
    const db = database.db;
    const first = new Date("2026-03-01T10:00:00.000Z");
    const second = new Date("2026-03-02T11:30:00.000Z");
    const [a] = await insertNote(db, { owner: "ana", body: "uno", at: first, detail: { n: 1 } });
    expect(a?.at).toEqual(first);
    await db.transaction(async (tx) => {
      const [b] = await insertNote(tx, { owner: "ana", body: "dos", at: second, detail: { n: 2 } });
      expect(b?.at).toEqual(second);
      // Visible inside the transaction that wrote it.
      expect(await notesOf(tx, { owner: "ana", body: "dos" })).toHaveLength(1);
    });
    const rows = await notesOf(db, { owner: "ana", body: "uno" });
    expect(rows).toEqual([{ id: a?.id, owner: "ana", body: "uno", at: first, detail: { n: 1 } }]);
    const [two] = await notesOf(db, { owner: "ana", body: "dos" });
    expect(two?.detail).toEqual({ n: 2 });
    expect(two?.at).toEqual(second);
    expect(await notesOf(db, { owner: "luis", body: "uno" })).toEqual([]);
  });

  it("rolls back with its transaction", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await insertNote(tx, { owner: "rollback", body: null, at: new Date(), detail: {} });
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    const { rows } = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM prepared_test_notes WHERE owner = 'rollback'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("encodes placeholders of an upsert's set through the column", async () => {
    const id = "6f1d3c9e-2b7a-4c1e-9a55-0d4b2e8f7a10";
    const first = new Date("2026-04-01T08:00:00.000Z");
    const later = new Date("2026-04-01T09:15:00.000Z");
    const values = { id, owner: "eva", detail: {} };
    expect(await touchNote(database.db, { ...values, at: first })).toEqual([{ at: first }]);
    expect(await touchNote(database.db, { ...values, at: later })).toEqual([{ at: later }]);
  });
});
