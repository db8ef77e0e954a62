import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  giftsAtOnce,
  newCampaign,
  sqlBalances,
  unbalancedGroups,
} from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { twoOrgs } from "../../../../test/support/suites";
import { runNamed } from "../../../db/prepared";
import type { Actor } from "../../../platform/actor";
import { cents } from "../../../platform/money";
import { decide, emptyLedger } from "../ledger/ledger";
import { appliedGroup } from "../ledger/ledger-store";
import { donationBatchQuery } from "./donation-batch";
import { listGifts } from "./gift-record";
import { type DonationInput, recordDonation } from "./record-donation";

// Gifts arriving together share one statement (group commit, decision 108): each must still
// get its own answer, its own audit row, and one bad gift must not fail the others.
describe.each(STORES)("gifts written together on %s", (store) => {
  const s = twoOrgs(store);

  const pending = (actor: Actor, campaignId: string, amount: number, key: string | null) => ({
    actor,
    group: appliedGroup(
      decide(emptyLedger("USD"), {
        op: "record",
        id: randomUUID(),
        movement: { kind: "donation", currency: "USD", amount: cents(amount) },
        ...(key ? { idempotencyKey: key } : {}),
      }),
    ),
    row: {
      giftId: randomUUID(),
      campaignId,
      currency: "USD" as const,
      amountCents: cents(amount),
      method: "cash" as const,
      receivedAt: new Date(),
      donorName: null,
      anonymous: true,
      source: "api",
      externalId: null,
      eventNote: null,
      receivedByUserId: null,
      memo: null,
    },
  });

  const auditRows = async (campaignId: string) =>
    (
      await s.t.database.db.execute<{ subject_id: string; org_id: string; actor: string }>(sql`
        SELECT a.subject_id, a.org_id, a.actor_user_id AS actor FROM audit_events a
        JOIN gifts g ON g.id = a.subject_id
        WHERE a.action = 'gift.recorded' AND g.campaign_id = ${campaignId}`)
    ).rows;

  it("answers each of many concurrent gifts of two organizations with its own gift and audit row", async () => {
    const mine = await newCampaign(s.t, s.actor);
    const theirs = await newCampaign(s.t, s.other);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        recordDonation(s.t.deps, i % 3 === 0 ? s.other : s.actor, {
          campaignId: i % 3 === 0 ? theirs.id : mine.id,
          amountCents: 100 + i,
          method: "cash",
          idempotencyKey: i % 2 === 0 ? `batch-${i}-${mine.id}` : null,
        }),
      ),
    );
    results.forEach((r, i) => {
      expect(r.replayed).toBe(false);
      expect(r.gift.amountCents).toBe(100 + i);
      expect(r.gift.campaignId).toBe(i % 3 === 0 ? theirs.id : mine.id);
    });
    expect(new Set(results.map((r) => r.gift.id)).size).toBe(30);
    expect((await listGifts(s.t.database.db, s.actor.orgId, mine.id)).length).toBe(20);
    expect((await listGifts(s.t.database.db, s.other.orgId, theirs.id)).length).toBe(10);
    const audits = [...(await auditRows(mine.id)), ...(await auditRows(theirs.id))];
    expect(audits).toHaveLength(30);
    for (const r of results) {
      const row = audits.find((a) => a.subject_id === r.gift.id);
      const owner = r.gift.campaignId === mine.id ? s.actor : s.other;
      expect(row).toMatchObject({ org_id: owner.orgId, actor: owner.userId });
    }
    expect((await sqlBalances(s.t, mine.id)).fund).toBe(
      results.filter((_, i) => i % 3 !== 0).reduce((n, r) => n + r.gift.amountCents, 0),
    );
    expect(await unbalancedGroups(s.t)).toEqual([]);
  });

  it("writes the other gifts of a statement when one of them repeats a taken external id", async () => {
    const c = await newCampaign(s.t, s.actor);
    const taken: DonationInput = {
      campaignId: c.id,
      amountCents: 777,
      method: "card",
      source: "stripe",
      externalId: `ch-${c.id}`,
    };
    const first = await recordDonation(s.t.deps, s.actor, taken);
    // The sixth repeats the taken gift; the others are new charges.
    const results = await giftsAtOnce(s.t, s.actor, 12, (i) =>
      i === 5 ? taken : { ...taken, amountCents: 1_000 + i, externalId: `ch-${i}-${c.id}` },
    );
    expect(results[5]).toMatchObject({ replayed: true, gift: { id: first.gift.id } });
    expect(results.filter((r) => !r.replayed)).toHaveLength(11);
    expect((await listGifts(s.t.database.db, s.actor.orgId, c.id)).length).toBe(12);
    expect(await auditRows(c.id)).toHaveLength(12);
    expect(await unbalancedGroups(s.t)).toEqual([]);
  });

  it("makes one gift per Idempotency-Key when concurrent requests repeat several keys", async () => {
    const c = await newCampaign(s.t, s.actor);
    const results = await giftsAtOnce(s.t, s.actor, 24, (i) => ({
      campaignId: c.id,
      amountCents: 500,
      method: "cash",
      idempotencyKey: `k${i % 4}-${c.id}`,
    }));
    expect(new Set(results.map((r) => r.gift.id)).size).toBe(4);
    expect(results.filter((r) => !r.replayed)).toHaveLength(4);
    expect((await listGifts(s.t.database.db, s.actor.orgId, c.id)).length).toBe(4);
  });

  it("in one statement, skips a gift whose key is taken or whose campaign doesn't fit, and writes the rest", async () => {
    const c = await newCampaign(s.t, s.actor);
    const taken = pending(s.actor, c.id, 300, `taken-${c.id}`);
    await runNamed(s.t.database.db, donationBatchQuery([taken]));
    const again = pending(s.actor, c.id, 300, `taken-${c.id}`);
    const fine = pending(s.actor, c.id, 400, null);
    // Another organization's campaign: its lock selects nothing, so nothing is written.
    const stray = pending(s.other, c.id, 500, null);
    const { rows } = await runNamed<{ id: string }>(
      s.t.database.db,
      donationBatchQuery([again, fine, stray]),
    );
    expect(rows.map((r) => r.id)).toEqual([fine.row.giftId]);
    expect((await listGifts(s.t.database.db, s.actor.orgId, c.id)).length).toBe(2);
    expect(await auditRows(c.id)).toHaveLength(2);
  });
});
