import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { give, newCampaign } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { twoOrgs } from "../../../../test/support/suites";
import type { Db } from "../../../db/client";

// The database itself refuses a ledger group that doesn't balance (migrations 0020 and 0085):
// a new group is checked at commit, entries when their statement ends. Raw SQL on purpose:
// the app never writes such groups, this is the net under it.
/** The database's message, under drizzle's "Failed query" wrapper. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "written",
    (e: unknown) => {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
      return cause instanceof Error ? cause.message : String(cause);
    },
  );

describe.each(STORES)("the ledger's balance check on %s", (store) => {
  const s = twoOrgs(store);

  const group = (tx: Db, campaignId: string, id = randomUUID()) =>
    tx.execute(sql`INSERT INTO ledger_groups (id, org_id, campaign_id, kind, created_by)
      VALUES (${id}, ${s.actor.orgId}, ${campaignId}, 'donation', ${s.actor.userId})`);
  const entries = (tx: Db, groupId: string, campaignId: string, amounts: number[]) =>
    tx.execute(sql`INSERT INTO ledger_entries (org_id, group_id, campaign_id, account, amount_cents)
      SELECT ${s.actor.orgId}, ${groupId}, ${campaignId}, 'fund', x
      FROM unnest(${`{${amounts.join(",")}}`}::bigint[]) AS x`);
  const groupsOf = async (campaignId: string) =>
    (
      await s.t.database.db.execute<{ n: string }>(
        sql`SELECT count(*)::text AS n FROM ledger_groups WHERE campaign_id = ${campaignId}`,
      )
    ).rows[0]?.n;

  it("writes a group whose entries sum to zero, and refuses one without entries", async () => {
    const c = await newCampaign(s.t, s.actor);
    const id = randomUUID();
    await s.t.database.db.transaction(async (tx) => {
      await group(tx, c.id, id);
      await entries(tx, id, c.id, [-700, 300, 400]);
    });
    expect(await refusal(s.t.database.db.transaction((tx) => group(tx, c.id)))).toMatch(
      /does not balance/,
    );
    expect(await groupsOf(c.id)).toBe("1");
  });

  it("refuses entries that don't sum to zero, one entry alone, or another campaign's", async () => {
    const c = await newCampaign(s.t, s.actor);
    const d = await newCampaign(s.t, s.actor);
    for (const [amounts, campaign] of [
      [[-500, 400], c.id],
      [[500], c.id],
      [[-500, 500], d.id],
    ] as const) {
      const id = randomUUID();
      expect(
        await refusal(
          s.t.database.db.transaction(async (tx) => {
            await group(tx, c.id, id);
            await entries(tx, id, campaign, [...amounts]);
          }),
        ),
      ).toMatch(/does not balance/);
    }
    expect(await groupsOf(c.id)).toBe("0");
  });

  it("refuses an entry that would unbalance a group written before", async () => {
    const c = await newCampaign(s.t, s.actor);
    const gift = await give(s.t, s.actor, c.id, 100);
    expect(
      await refusal(s.t.database.db.transaction((tx) => entries(tx, gift.groupId, c.id, [100]))),
    ).toMatch(/does not balance/);
    const sum = await s.t.database.db.execute<{ total: string }>(
      sql`SELECT sum(amount_cents)::text AS total FROM ledger_entries WHERE group_id = ${gift.groupId}`,
    );
    expect(sum.rows[0]?.total).toBe("0");
  });
});
