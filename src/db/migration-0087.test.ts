import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createOrg } from "../../test/support/app";
import { STORES } from "../../test/support/stores";
import { freshApp } from "../../test/support/suites";
import { createPerson } from "../modules/people/create-person";
import { PersonFieldsSchema } from "../modules/people/person";
import { searchPeople } from "../modules/people/search-people";

// Migration 0087 (decision 110) builds the words of the people already there. Replayed
// here on a database whose people were written before it: its objects are dropped, the
// people stay, and the migration runs again.

const MIGRATION = readFileSync(
  join(import.meta.dirname, "migrations", "0087_people_search_words.sql"),
  "utf8",
);

const BEFORE_0087 = `
  DROP TRIGGER people_words_on_insert ON people;
  DROP TRIGGER people_words_on_update ON people;
  DROP TRIGGER people_words_on_delete ON people;
  DROP FUNCTION people_words_sync();
  DROP FUNCTION people_words_add(uuid[], uuid[], text[], text[]);
  DROP FUNCTION people_words_remove(uuid[], uuid[], text[], text[]);
  DROP FUNCTION search_words_of(text);
  DROP TABLE people_words;
  DROP TABLE people_vocabulary;`;

describe.each(STORES)("migration 0087 on %s", (store) => {
  const s = freshApp(store);

  it("gives the people already there their words, each organization its own", async () => {
    const org = await createOrg(s.t);
    const other = await createOrg(s.t, "Otra Organización");
    const add = (actor: typeof org.actor, displayName: string, email?: string) =>
      createPerson(
        s.t.deps,
        actor,
        PersonFieldsSchema.parse({ displayName, emails: email ? [{ address: email }] : [] }),
      );
    const ana = await add(org.actor, "Anacleta Rivas", "anacleta.rivas@example.org");
    const beto = await add(org.actor, "Beto Rivas");
    await add(other.actor, "Casimira Rivas");
    await s.t.database.withConnection((query) => query(BEFORE_0087));
    await s.t.database.withConnection((query) => query(MIGRATION));

    const words = await s.t.database.db.execute<{ word: string }>(
      sql`SELECT word FROM people_words WHERE person_id = ${ana.id} ORDER BY word`,
    );
    expect(words.rows.map((r) => r.word)).toEqual([
      "anacleta",
      "anacleta.rivas",
      "example",
      "example.org",
      "org",
      "rivas",
      "rivas@example",
    ]);
    const found = await searchPeople(s.t.database.db, org.actor, {
      q: "rivas",
      page: 1,
      perPage: 5,
    });
    expect(found.people.map((p) => p.id)).toEqual([ana.id, beto.id]);
    const vocabulary = await s.t.database.db.execute<{ org_id: string; n: number }>(
      sql`SELECT org_id, count(*)::int AS n FROM people_vocabulary WHERE word = 'rivas' GROUP BY 1`,
    );
    expect(vocabulary.rows).toHaveLength(2);
    // And the triggers are back: a new person has words at once.
    const cata = await add(org.actor, "Cata Rivas");
    const again = await searchPeople(s.t.database.db, org.actor, {
      q: "cata",
      page: 1,
      perPage: 5,
    });
    expect(again.people.map((p) => p.id)).toEqual([cata.id]);
  });
});
