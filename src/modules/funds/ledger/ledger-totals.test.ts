import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newCampaign, runMoneyStep } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { ownerAndTreasurer } from "../../../../test/support/suites";
import { AppError } from "../../../platform/errors";
import { recordDonation } from "../gifts/record-donation";
import { applyAll, campaignTotals, emptyLedger, type Op } from "./ledger";
import { disbursement, donation, forfeit, post, refund, returned } from "./ledger.fixtures";
import { ledgerPage } from "./ledger-page";
import { loadLedger } from "./ledger-store";
import { monthsFromSums, sumsOfGroups, totalsFromSums } from "./ledger-sums";
import { advanceCheckpoint, readLedgerSums } from "./ledger-totals";
import { totalsByMonth } from "./reports";

// Totals summed in the database (checkpoints + the groups after them) equal a full recount
// of the ledger group by group, whatever happened and wherever the checkpoints fell.

const TZ = "America/Los_Angeles";
const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 864e5));

describe("sums per month, kind and account (pure)", () => {
  const op = fc.oneof(
    fc.record({ t: fc.constant("give"), n: fc.integer({ min: 1, max: 90_000 }) }),
    fc.record({
      t: fc.constantFrom("refund", "pay", "post"),
      n: fc.integer({ min: 1, max: 30_000 }),
    }),
    fc.record({ t: fc.constantFrom("return", "forfeit", "reverse"), n: fc.nat(40) }),
  );
  it("give the same totals and months as reading every group", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(op, day), { maxLength: 60 }), (steps) => {
        const ops: Op[] = [];
        const bonds: [string, number][] = [];
        steps.forEach(([s, _], i) => {
          const id = `g${i}`;
          if (s.t === "give") ops.push({ op: "record", id, movement: donation(s.n) });
          else if (s.t === "refund") ops.push({ op: "record", id, movement: refund(s.n) });
          else if (s.t === "pay") ops.push({ op: "record", id, movement: disbursement(s.n) });
          else if (s.t === "post") {
            bonds.push([`b${i}`, s.n]);
            ops.push({ op: "record", id, movement: post(`b${i}`, s.n) });
          } else if (s.t === "reverse") {
            ops.push({ op: "reverse", id, groupId: `g${s.n % Math.max(1, i)}` });
          } else {
            const [bond, p] = bonds[s.n % Math.max(1, bonds.length)] ?? ["none", 1];
            const movement = s.t === "return" ? returned(bond, p, s.n * 7) : forfeit(bond, p);
            ops.push({ op: "record", id, movement });
          }
        });
        const { groups } = applyAll(emptyLedger("USD"), ops);
        const dates = new Map(steps.map(([, d], i) => [`g${i}`, d]));
        const lines = groups.map((group) => ({
          group,
          occurredAt: dates.get(group.id) ?? new Date(),
        }));
        const sums = sumsOfGroups(lines, TZ);
        expect(totalsFromSums(sums)).toEqual(campaignTotals(groups));
        expect(monthsFromSums(sums)).toEqual(totalsByMonth(lines, TZ));
      }),
      { numRuns: 300 },
    );
  });
});

const step = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant("give"),
      amount: fc.integer({ min: 1, max: 40_000 }),
      on: day,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("pay"),
      amount: fc.integer({ min: 1, max: 30_000 }),
      on: day,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("post"),
      amount: fc.integer({ min: 1, max: 30_000 }),
      on: day,
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ t: fc.constantFrom("return", "forfeit"), pick: fc.nat(), on: day })
      .map((s) => ({ ...s, interest: s.pick % 300 })),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("reverse"), pick: fc.nat(), on: day }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("checkpoint"), pick: fc.nat(), on: day }) },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

describe.each(STORES)("totals from the database on %s", (store) => {
  const w = ownerAndTreasurer(store);

  /** Runs one step: a checkpoint moved, or a money step (runMoneyStep). */
  async function run(campaignId: string, s: Step, bonds: string[], groups: string[]) {
    if (s.t === "checkpoint") {
      await advanceCheckpoint(w.t.database.db, w.owner.orgId, campaignId, { marginMs: 0 });
    } else {
      await runMoneyStep(w, campaignId, s, bonds, groups);
    }
  }

  it("read a checkpoint and only the groups recorded after it", async () => {
    const c = await newCampaign(w.t, w.owner);
    for (const n of [1_000, 2_500, 700]) {
      await recordDonation(w.t.deps, w.owner, { campaignId: c.id, amountCents: n, method: "cash" });
    }
    const sums = async () =>
      (await readLedgerSums(w.t.database.db, w.owner.orgId, [c.id])).get(c.id);
    expect((await sums())?.tailEntries).toBe(6);
    expect(await advanceCheckpoint(w.t.database.db, w.owner.orgId, c.id, { marginMs: 0 })).toBe(
      true,
    );
    expect((await sums())?.tailEntries).toBe(0);
    expect(totalsFromSums((await sums())?.sums ?? [])).toMatchObject({
      raisedCents: 4_200,
      gifts: 3,
    });
    // Nothing new: no second checkpoint.
    expect(await advanceCheckpoint(w.t.database.db, w.owner.orgId, c.id, { marginMs: 0 })).toBe(
      false,
    );
    await recordDonation(w.t.deps, w.owner, {
      campaignId: c.id,
      amountCents: 300,
      method: "check",
    });
    expect((await sums())?.tailEntries).toBe(2);
    expect(totalsFromSums((await sums())?.sums ?? [])).toMatchObject({
      raisedCents: 4_500,
      gifts: 4,
    });
    // A checkpoint is never changed in place.
    await expect(
      w.t.database.db.execute(sql`UPDATE ledger_checkpoints SET amount_cents = 0`),
    ).rejects.toThrow();
  });

  it("equal a full recount, with checkpoints anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
        const c = await newCampaign(w.t, w.owner);
        const bonds: string[] = [];
        const groups: string[] = [];
        for (const s of steps) {
          try {
            await run(c.id, s, bonds, groups);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
          }
        }
        const lines = await loadLedger(w.t.database.db, w.owner.orgId, [c]);
        const read = (await readLedgerSums(w.t.database.db, w.owner.orgId, [c.id])).get(c.id);
        const sums = read?.sums ?? [];
        expect(totalsFromSums(sums)).toEqual(campaignTotals(lines.map((l) => l.group)));
        expect(monthsFromSums(sums)).toEqual(totalsByMonth(lines, TZ));
        // The ledger page, followed to its end, lists every group once, newest first.
        const seen: string[] = [];
        let before: string | null = null;
        do {
          const page = await ledgerPage(w.t.database.db, w.owner.orgId, c.id, { before, limit: 3 });
          seen.push(...page.lines.map((l) => l.groupId));
          before = page.older;
        } while (before);
        expect(seen).toEqual(lines.map((l) => l.group.id).reverse());
      }),
      { numRuns: store === "pglite" ? 10 : 6 },
    );
  });
});
