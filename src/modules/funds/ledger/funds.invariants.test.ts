import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  newCampaign,
  paidFee,
  sqlBalances,
  unbalancedGroups,
} from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { ownerAndTreasurer } from "../../../../test/support/suites";
import { AppError } from "../../../platform/errors";
import { forfeitBond } from "../bonds/forfeit-bond";
import { postBond } from "../bonds/post-bond";
import { returnBond } from "../bonds/return-bond";
import { getCampaignTotals, spendingByPurpose } from "../campaigns/campaign-totals";
import { recordDonation } from "../gifts/record-donation";
import { loadLedger } from "./ledger-store";
import { reverseEntry } from "./reverse-entry";

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
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

describe.each(STORES)("ledger invariants over the real database on %s", (store) => {
  const w = ownerAndTreasurer(store);

  /** Runs one step; true when it wrote a group to the ledger. */
  async function run(
    campaignId: string,
    s: Step,
    bonds: string[],
    groups: string[],
  ): Promise<boolean> {
    if (s.t === "give") {
      // Keys 1..4 repeat on purpose: a replay must add nothing.
      const key = s.key === 0 ? null : `${campaignId}-${s.key}`;
      const r = await recordDonation(w.t.deps, w.owner, {
        campaignId,
        amountCents: s.amount,
        method: "cash",
        idempotencyKey: key,
      });
      if (r.replayed) return false;
      groups.push(r.gift.groupId);
    } else if (s.t === "pay") {
      const paid = await paidFee(w.t, w, campaignId, s.amount);
      groups.push(paid.paidGroupId ?? "");
    } else if (s.t === "post") {
      const b = await postBond(w.t.deps, w.owner, { campaignId, amountCents: s.amount });
      bonds.push(b.id);
      groups.push(b.postedGroupId);
    } else if (s.t === "return" || s.t === "forfeit") {
      const id = bonds[s.pick % Math.max(1, bonds.length)];
      if (!id) return false;
      const b =
        s.t === "return"
          ? await returnBond(w.t.deps, w.owner, id, { interestCents: s.interest })
          : await forfeitBond(w.t.deps, w.owner, id);
      groups.push(b.settledGroupId ?? "");
    } else {
      const groupId = groups[s.pick % Math.max(1, groups.length)];
      if (!groupId) return false;
      await reverseEntry(w.t.deps, w.owner, { campaignId, groupId });
    }
    return true;
  }

  it("keeps every group at zero and every total equal to the sums", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const c = await newCampaign(w.t, w.owner);
        const bonds: string[] = [];
        const groups: string[] = [];
        let written = 0;
        for (const s of steps) {
          try {
            if (await run(c.id, s, bonds, groups)) written += 1;
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
