import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import type { Actor } from "../../platform/actor";
import { importPeople } from "./import-people";
import { PersonFieldsSchema } from "./person";
import { searchPeople } from "./search-people";

// Matches that cluster late in name order (one given name: "Zoila …" sort together, after
// everyone else) and a few that sort earlier (the word elsewhere in the name, or only in
// an email): the page walks the sort index from the first word of the bound and adds the
// earlier matches through the trigram index (decision 109). The limits are small here so
// a few hundred people show the path: count exactly to 10, walk at most 20 people.

describe.each(STORES)("broad searches that cluster late on %s", (store) => {
  let t: TestApp;
  let actor: Actor;
  type Row = { displayName: string; emails?: { address: string; primary: boolean }[] };
  const rows: Row[] = [
    // The earlier matches first, so the collected matches hold them.
    { displayName: "Ana Zoila Castro" },
    { displayName: "Beto Ruiz", emails: [{ address: "zoila.ruiz@example.org", primary: true }] },
    { displayName: "Carla Zoilamar" },
    ...Array.from({ length: 200 }, (_, i) => ({ displayName: `Pedro Relleno ${i}` })),
    ...Array.from({ length: 40 }, (_, i) => ({
      displayName: `Zoila Vecina ${String(i).padStart(2, "0")}`,
    })),
    { displayName: "Zoila" },
    { displayName: "Zoila-María Paz" },
    { displayName: "Zoilita Ayala" },
  ];
  const matching = (q: string) =>
    rows
      .filter((r) =>
        [r.displayName, ...(r.emails ?? []).map((e) => e.address)]
          .join(" ")
          .normalize("NFD")
          .replace(/\p{M}/gu, "")
          .toLowerCase()
          .includes(q),
      )
      .map((r) => r.displayName)
      .sort((a, b) => {
        const key = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
        return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
      });

  beforeAll(async () => {
    t = await createTestApp(store);
    actor = (await createOrg(t)).actor;
    await importPeople(
      t.deps,
      actor,
      rows.map((r) => PersonFieldsSchema.parse({ ...r, tags: ["vecinos"] })),
    );
    await t.database.exec("ANALYZE people");
  });
  afterAll(() => t.close());

  const search = (q: string, page = 1, extra: { tag?: string } = {}) =>
    searchPeople(
      t.database.db,
      actor,
      { q, page, perPage: 7, ...extra },
      { exactCountLimit: 10, walkLimit: 20 },
    );

  it("finds the same pages as sorting every match", async () => {
    for (const q of ["zoila", "zoil", "oila"]) {
      const wanted = matching(q);
      expect(wanted.length).toBeGreaterThan(21);
      for (const page of [1, 2, 3]) {
        const found = await search(q, page);
        expect(found.totalIsEstimate).toBe(true);
        const names = found.people.map((p) => p.displayName);
        expect(names, `${q} page ${page}`).toEqual(wanted.slice((page - 1) * 7, page * 7));
      }
    }
  });

  it("adds the matches that sort before the word, from the name or an email", async () => {
    const first = await search("zoila");
    expect(first.people.map((p) => p.displayName).slice(0, 4)).toEqual([
      "Ana Zoila Castro",
      "Beto Ruiz",
      "Carla Zoilamar",
      "Zoila",
    ]);
    const tagged = await search("zoila", 1, { tag: "vecinos" });
    expect(tagged.people.map((p) => p.displayName)).toEqual(first.people.map((p) => p.displayName));
    expect((await search("zoila", 1, { tag: "otros" })).people).toEqual([]);
  });
});
