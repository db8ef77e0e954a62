import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { STORES } from "../../../test/support/stores";
import { freshApp } from "../../../test/support/suites";
import { loadDemo } from "./load-demo";

// The invented demo loads through the real operations, and every part of the organizing
// cycle has something to show: actions, shifts, a drive, and an election already counted.
describe.each(STORES)("the invented demo on %s", (store) => {
  const s = freshApp(store);

  it("loads people, cases, funds, actions, shifts, a drive and a counted election", async () => {
    const demo = await loadDemo(s.t.deps, { people: 30 });
    expect(demo.people).toBe(30);
    const count = async (query: ReturnType<typeof sql>) =>
      Number((await s.t.database.db.execute<{ n: number }>(query)).rows[0]?.n);
    expect(await count(sql`SELECT count(*)::int AS n FROM action_events`)).toBe(2);
    expect(await count(sql`SELECT count(*)::int AS n FROM outreach_shifts`)).toBe(2);
    expect(await count(sql`SELECT count(*)::int AS n FROM supply_drives`)).toBe(1);
    const [election] = (
      await s.t.database.db.execute<{ status: string; roll_size: number }>(
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
