import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  newCampaign,
  runMoneyStep,
  sqlBalances,
  unbalancedGroups,
} from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { ownerAndTreasurer } from "../../../../test/support/suites";
import { AppError } from "../../../platform/errors";
import { getCampaignTotals, spendingByPurpose } from "../campaigns/campaign-totals";
import { loadLedger } from "./ledger-store";

// A random mix of real operations against the real database: whatever is refused, every
// group still sums to zero, balances equal the SQL sums, nothing goes negative, replays add
// nothing, and the totals agree with one another.

const amount = fc.integer({ min: -5, max: 40_000 });
const pick = fc.nat();
const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant("give"), amount, key: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("pay"), amount }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("post"), amount }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant("return"), pick, interest: fc.nat(500) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("forfeit"), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("reverse"), pick }) },
);

describe.each(STORES)("ledger invariants over the real database on %s", (store) => {
  const w = ownerAndTreasurer(store);

  it("keeps every group at zero and every total equal to the sums", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const c = await newCampaign(w.t, w.owner);
        const bonds: string[] = [];
        const groups: string[] = [];
        let written = 0;
        for (const s of steps) {
          try {
            if (await runMoneyStep(w, c.id, s, bonds, groups)) written += 1;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
          }
          const b = await sqlBalances(w.t, c.id);
          expect(b.fund).toBeGreaterThanOrEqual(0);
          expect(b.bonds_receivable).toBeGreaterThanOrEqual(0);
        }
        expect(await unbalancedGroups(w.t)).toEqual([]);

        const totals = await getCampaignTotals(w.t.database.db, w.owner.orgId, c.id);
        if (!totals) throw new Error("campaign vanished");
        const sums = await sqlBalances(w.t, c.id);
        expect(totals.availableCents).toBe(sums.fund);
        expect(totals.onBondCents).toBe(sums.bonds_receivable);
        expect(sums.fund + sums.bonds_receivable + sums.outside).toBe(0);
        expect(
          totals.availableCents + totals.onBondCents + totals.spentCents + totals.forfeitedCents,
        ).toBe(totals.raisedCents + totals.interestCents);
        const spending = await spendingByPurpose(w.t.database.db, w.owner.orgId, c.id);
        expect(spending.legal_fees).toBe(totals.spentCents);

        const live = await w.t.database.db.execute<{ n: string; total: string }>(sql`
          SELECT count(*)::text AS n, coalesce(sum(g.amount_cents), 0)::text AS total
          FROM gifts g WHERE g.campaign_id = ${c.id} AND NOT EXISTS
            (SELECT 1 FROM ledger_groups r WHERE r.reverses_group_id = g.group_id)`);
        expect(totals.gifts).toBe(Number(live.rows[0]?.n));
        expect(totals.raisedCents).toBe(Number(live.rows[0]?.total));

        const lines = await loadLedger(w.t.database.db, w.owner.orgId, [c]);
        // Exactly one group per operation that went through; refusals and replays add none.
        expect(lines.length).toBe(written);
      }),
      { numRuns: store === "pglite" ? 12 : 8 },
    );
  });
});
