import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { importPeople } from "../people/import-people";
import { PersonFieldsSchema } from "../people/person";
import { CaseFieldsSchema } from "./case";
import { caseCounts, pageCases } from "./case-dashboard";
import { createCase } from "./create-case";

// The case list is paged and counted in the database (issue 8): a page holds perPage rows,
// the total counts every match, and a search by the person's name is a subquery, so no
// match is cut off at a limit of ids read into Node (it used to stop at 500 people).

describe.each(STORES)("case list paging on %s", (store) => {
  const s = oneOrg(store);
  const TOCAYAS = 620;
  let lastTocayaCase = "";
  const ids: string[] = [];

  beforeAll(async () => {
    const names = Array.from({ length: TOCAYAS }, (_, i) =>
      PersonFieldsSchema.parse({ displayName: `Tocaya Inventada ${i}` }),
    );
    await importPeople(s.t.deps, s.actor, names);
    const rows = await s.t.database.db.execute<{ id: string; display_name: string }>(
      sql`SELECT id, display_name FROM people WHERE org_id = ${s.actor.orgId} ORDER BY created_at, display_name`,
    );
    const byName = new Map(rows.rows.map((r) => [r.display_name, r.id]));
    for (let i = 0; i < 12; i++) {
      const personId = byName.get(`Tocaya Inventada ${TOCAYAS - 1 - i}`) as string;
      const kase = await createCase(
        s.t.deps,
        s.actor,
        CaseFieldsSchema.parse({ personId, status: i < 3 ? "closed" : "open" }),
      );
      ids.push(kase.id);
      if (i === 0) lastTocayaCase = kase.id;
    }
  });

  it("returns one page at a time and counts every match", async () => {
    const db = s.t.database.db;
    const first = await pageCases(db, s.actor.orgId, { q: "", filter: "all", page: 1, perPage: 5 });
    const third = await pageCases(db, s.actor.orgId, { q: "", filter: "all", page: 3, perPage: 5 });
    const past = await pageCases(db, s.actor.orgId, { q: "", filter: "all", page: 9, perPage: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.total).toBe(12);
    expect(third.items).toHaveLength(2);
    expect(third.total).toBe(12);
    expect(past).toMatchObject({ items: [], total: 12 });
    const all = [];
    for (let page = 1; page <= 3; page++) {
      all.push(
        ...(await pageCases(db, s.actor.orgId, { q: "", filter: "all", page, perPage: 5 })).items,
      );
    }
    expect(new Set(all.map((c) => c.id))).toEqual(new Set(ids));
    const active = await pageCases(db, s.actor.orgId, {
      q: "",
      filter: "active",
      page: 1,
      perPage: 5,
    });
    expect(active.total).toBe(9);
  });

  it("finds a case by its person's name past the first 500 people who match", async () => {
    const found = await pageCases(s.t.database.db, s.actor.orgId, {
      q: "tocaya",
      filter: "all",
      page: 1,
      perPage: 50,
    });
    expect(found.total).toBe(12);
    expect(found.items.map((c) => c.id)).toContain(lastTocayaCase);
    const one = await pageCases(s.t.database.db, s.actor.orgId, {
      q: `tocaya ${TOCAYAS - 1}`,
      filter: "all",
      page: 1,
      perPage: 50,
    });
    expect(one.items.map((c) => c.id)).toEqual([lastTocayaCase]);
  });

  it("counts the dashboard's figures in the database", async () => {
    await s.t.database.db.execute(
      sql`UPDATE cases SET last_activity_at = now() - interval '40 days' WHERE id = ${ids[5] as string}`,
    );
    const counts = await caseCounts(s.t.database.db, s.actor.orgId);
    expect(counts).toEqual({ active: 9, hearings: 0, stale: 1 });
  });
});
