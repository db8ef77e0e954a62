import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import { loadDemo } from "./load-demo";

// The invented demo loads through the real operations, and every part of the organizing
// cycle has something to show: actions, shifts, a drive, and an election already counted.
describe.each(STORES)("the invented demo on %s", (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store);
  });
  afterAll(() => t.close());

  it("loads people, cases, funds, actions, shifts, a drive and a counted election", async () => {
    const demo = await loadDemo(t.deps, { people: 30 });
    expect(demo.people).toBe(30);
    const count = async (query: ReturnType<typeof sql>) =>
      Number((await t.database.db.execute<{ n: number }>(query)).rows[0]?.n);
    expect(await count(sql`SELECT count(*)::int AS n FROM action_events`)).toBe(2);
    expect(await count(sql`SELECT count(*)::int AS n FROM outreach_shifts`)).toBe(2);
    expect(await count(sql`SELECT count(*)::int AS n FROM supply_drives`)).toBe(1);
    const [election] = (
      await t.database.db.execute<{ status: string; roll_size: number }>(
        sql`SELECT status, roll_size FROM elections`,
      )
    ).rows;
    expect(election?.status).toBe("closed");
    expect(election?.roll_size).toBeGreaterThanOrEqual(4);
    // Three in four of the roll voted, through their links.
    const ballots = await count(sql`SELECT count(*)::int AS n FROM election_ballots`);
    expect(ballots).toBe(Math.ceil(((election?.roll_size ?? 0) * 3) / 4));
  });
});
