import { describe, expect, it } from "vitest";
import { makePerson } from "../../../test/support/actions";
import { SERVERS, STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { deletePerson } from "./delete-person";
import { importPeople } from "./import-people";
import { PersonFieldsSchema, searchTerms } from "./person";
import { answeredByWords, searchByWords } from "./search-by-words";
import { searchPeople } from "./search-people";
import { updatePerson } from "./update-person";

// The words index (decision 110) must answer exactly what the trigram search answers:
// the same people, in the same order, with the same count, for every search it takes.

describe("which terms the words index answers", () => {
  it("takes runs of letters and digits, and two joined by a separator", () => {
    for (const term of ["lucia", "igue", "12ab", "maria.fern", "o'brien", "s\u00f8ren", "a-b"]) {
      expect(answeredByWords(term), term).toBe(true);
    }
  });
  it("leaves digits alone, separators at an end and three runs to the trigram search", () => {
    for (const term of ["0104", "sofia.", ".org", "@example.org", "ana.ruiz.go", "lopez.10423"]) {
      expect(answeredByWords(term), term).toBe(false);
    }
  });
});

const invented = [
  { displayName: "Lucía Fernández", emails: [{ address: "lucia.fernandez@example.org" }] },
  { displayName: "Lucia Ortega", phones: [{ number: "(555) 0104-2231" }] },
  { displayName: "Luciano Robles", emails: [{ address: "lrobles+vecinos@example.net" }] },
  { displayName: "Ana Lucía Prieto", givenName: "Ana Lucía", familyName: "Prieto" },
  { displayName: "Miguel Rodríguez", emails: [{ address: "miguel.rodriguez.12@example.org" }] },
  { displayName: "Aoife O'Brien", emails: [{ address: "aoife.obrien@example.org" }] },
  { displayName: "Søren Ålund", emails: [{ address: "soren@example.org" }] },
  {
    displayName: "María-José Chávez Chávez",
    emails: [{ address: "mj.chavez.chavez@example.org" }],
  },
  { displayName: "José Chávez", emails: [{ address: "jose.chavez@example.org" }] },
  { displayName: "Zoila Cruz Muñoz", phones: [{ number: "(555) 0199-0001" }] },
  { displayName: "Samuel Luz", emails: [{ address: "sam.luz@example.org" }] },
  ...Array.from({ length: 30 }, (_, i) => ({
    displayName: `Lucía Relleno ${String(i).padStart(2, "0")}`,
    emails: i % 2 ? [{ address: `lucia.relleno.${i}@example.org` }] : [],
  })),
];

const queries = [
  "lucía",
  "LUCIA",
  "luci",
  "igue",
  "o'brien",
  "obrien",
  "søren",
  "chavez.chavez",
  "chavez",
  "maria-jose",
  "uz mu",
  "lucia fernandez",
  "fernandez lucia",
  "lucia.rell",
  "relleno 1",
  "rodriguez.12",
  "example",
  "example.org",
  "zzz",
  "lucia zzz",
  "sofia.",
  "0104",
  "a",
];

describe.each(STORES)("the words index on %s", (store) => {
  const s = twoOrgs(store);
  const search = (q: string, page: number, byWords: boolean, actor = s.actor) =>
    searchPeople(s.t.database.db, actor, { q, page, perPage: 4 }, { byWords, exactCountLimit: 12 });

  it("finds what the trigram search finds, in the same order, counted the same", async () => {
    await importPeople(
      s.t.deps,
      s.actor,
      invented.map((p) => PersonFieldsSchema.parse(p)),
    );
    let answered = 0;
    for (const q of queries) {
      for (const page of [1, 2, 5]) {
        const [trigram, words] = [await search(q, page, false), await search(q, page, true)];
        expect(
          words.people.map((p) => p.displayName),
          `${q} page ${page}`,
        ).toEqual(trigram.people.map((p) => p.displayName));
        expect(words.totalIsEstimate, q).toBe(trigram.totalIsEstimate);
        if (!words.totalIsEstimate) expect(words.total, q).toBe(trigram.total);
      }
      const byWords = await searchByWords(s.t.database.db, s.actor.orgId, searchTerms(q), {
        perPage: 4,
        offset: 0,
        cap: 12,
      });
      if (byWords) answered++;
    }
    // Most of them really went through the words (the rest are the trigram search's).
    expect(answered).toBeGreaterThanOrEqual(17);
    expect((await search("lucía", 1, true)).people.map((p) => p.displayName)).toEqual([
      "Ana Lucía Prieto",
      "Lucía Fernández",
      "Lucia Ortega",
      "Lucía Relleno 00",
    ]);
  });

  it("finds people straight after an import of a thousand (which vacuums the words)", async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      PersonFieldsSchema.parse({ displayName: `Eulalia Importada ${String(i).padStart(4, "0")}` }),
    );
    await importPeople(s.t.deps, s.actor, many);
    const found = await search("eulalia", 3, true);
    // More than the test's cap of 12: the total is the planner's estimate.
    expect(found.totalIsEstimate).toBe(true);
    expect(found.total).toBeGreaterThan(12);
    expect(found.people.map((p) => p.displayName)).toEqual(
      ["0008", "0009", "0010", "0011"].map((n) => `Eulalia Importada ${n}`),
    );
  });

  it("keeps each organization's words apart", async () => {
    await makePerson(s.t.deps, s.other, "Xiomara Quetzal");
    expect((await search("quetzal", 1, true)).total).toBe(0);
    expect((await search("quetzal", 1, true, s.other)).total).toBe(1);
  });

  it("follows a person's new name, and forgets a word when its last person goes", async () => {
    const vocabulary = async (word: string) =>
      (
        await s.t.database.db.execute<{ n: number | string }>(
          `SELECT count(*) AS n FROM people_vocabulary WHERE word = '${word}'`,
        )
      ).rows[0]?.n;
    const person = await makePerson(s.t.deps, s.actor, "Wenceslao Ybarra");
    expect((await search("wencesl", 1, true)).people.map((p) => p.id)).toEqual([person.id]);
    await updatePerson(s.t.deps, s.actor, person.id, { displayName: "Wendolyn Ybarra" });
    expect((await search("wencesl", 1, true)).total).toBe(0);
    expect(Number(await vocabulary("wenceslao"))).toBe(0);
    expect((await search("wendolyn ybarra", 1, true)).people.map((p) => p.id)).toEqual([person.id]);
    await deletePerson(s.t.deps, s.actor, person.id);
    expect((await search("ybarra", 1, true)).total).toBe(0);
    expect(Number(await vocabulary("ybarra"))).toBe(0);
    // Words other people still have stay.
    expect(Number(await vocabulary("lucia"))).toBe(1);
  });
});

describe.each(SERVERS)("the vocabulary under concurrent writes on %s", (store) => {
  const s = twoOrgs(store);

  it("keeps a word someone adds while its last other holder is removed", async () => {
    const { database } = s.t;
    const insert = (query: (sql: string, params?: unknown[]) => Promise<unknown>, name: string) =>
      query(
        `INSERT INTO people (org_id, display_name, search_text, sort_name) VALUES ($1, $2, $3, $3) RETURNING id`,
        [s.actor.orgId, name, name.toLowerCase()],
      );
    const first = await makePerson(s.t.deps, s.actor, "Quirina Zyzzyva");
    let release: () => void = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let inserted: () => void = () => {};
    const insertedOnce = new Promise<void>((r) => {
      inserted = r;
    });
    // One writer adds a second Zyzzyva and holds its transaction open...
    const adding = database.withConnection(async (query) => {
      await query("BEGIN");
      await insert(query, "Otra Zyzzyva");
      inserted();
      await released;
      await query("COMMIT");
    });
    await insertedOnce;
    // ...while the first Zyzzyva is deleted: the delete waits for the writer to finish.
    const removing = deletePerson(s.t.deps, s.actor, first.id);
    await new Promise((r) => setTimeout(r, 200));
    release();
    await Promise.all([adding, removing]);
    const found = await searchPeople(s.t.database.db, s.actor, {
      q: "zyzzyva",
      page: 1,
      perPage: 5,
    });
    expect(found.people.map((p) => p.displayName)).toEqual(["Otra Zyzzyva"]);
    const words = await database.db.execute<{ word: string }>(
      `SELECT word FROM people_vocabulary WHERE org_id = '${s.actor.orgId}' AND word = 'zyzzyva'`,
    );
    expect(words.rows).toHaveLength(1);
  });
});
