import { beforeAll, describe, expect, it } from "vitest";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { importPeople } from "./import-people";
import { PersonFieldsSchema } from "./person";
import { searchPeople } from "./search-people";

// Above a limit the total of a search is the planner's estimate, flagged, and the page
// still holds the right people in the right order (issue 8: at a million people, counting
// every match of a broad search cost more than the search). The limit is 2,000 in the
// app; here it is 10, so a few hundred people show every path.

describe.each(STORES)("search totals on %s", (store) => {
  const s = oneOrg(store);
  const names = [
    ...Array.from({ length: 30 }, (_, i) => `Ana Inventada ${String(i).padStart(2, "0")}`),
    ...Array.from({ length: 4 }, (_, i) => `Beto Inventado ${i}`),
    // Enough others that "ana" (30) is under a tenth of everyone: its page is sorted from
    // the matches; "relleno" is most of everyone: its page comes from the sort index walk.
    ...Array.from({ length: 400 }, (_, i) => `Zoila Relleno ${String(i).padStart(3, "0")}`),
  ];

  beforeAll(async () => {
    await importPeople(
      s.t.deps,
      s.actor,
      names.map((displayName) => PersonFieldsSchema.parse({ displayName, tags: ["vecinos"] })),
    );
  });

  const search = (q: string, page = 1, extra: { tag?: string } = {}) =>
    searchPeople(
      s.t.database.db,
      s.actor,
      { q, page, perPage: 7, ...extra },
      { exactCountLimit: 10 },
    );

  it("counts exactly up to the limit", async () => {
    const found = await search("beto");
    expect(found).toMatchObject({ total: 4, totalIsEstimate: false });
    expect(found.people.map((p) => p.displayName)).toEqual(names.slice(30, 34));
  });

  it("estimates above the limit, and pages in name order all the same", async () => {
    const sorted = [...names].sort();
    for (const q of ["inventad", "", "ana", "relleno"]) {
      const first = await search(q);
      expect(first.totalIsEstimate).toBe(true);
      expect(first.total).toBeGreaterThan(10);
      const wanted = sorted.filter((n) => n.toLowerCase().includes(q));
      expect(first.total).toBeLessThanOrEqual(names.length * 2);
      expect(first.people.map((p) => p.displayName)).toEqual(wanted.slice(0, 7));
      const third = await search(q, 3);
      expect(third.people.map((p) => p.displayName)).toEqual(wanted.slice(14, 21));
    }
    const tagged = await search("", 2, { tag: "vecinos" });
    expect(tagged.totalIsEstimate).toBe(true);
    expect(tagged.people.map((p) => p.displayName)).toEqual(sorted.slice(7, 14));
    // A broad search with a tag: the walk of the sort index filters by both.
    const both = await search("relleno", 1, { tag: "vecinos" });
    expect(both.totalIsEstimate).toBe(true);
    expect(both.people.map((p) => p.displayName)).toEqual(names.slice(34, 41));
    expect((await search("zzz nadie")).total).toBe(0);
  });

  it("counts exactly with the app's own limit", async () => {
    const found = await searchPeople(s.t.database.db, s.actor, { q: "ana", page: 1, perPage: 5 });
    expect(found).toMatchObject({ total: 30, totalIsEstimate: false });
  });
});
