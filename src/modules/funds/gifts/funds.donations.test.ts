import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  campaignFields,
  giftsAtOnce,
  give,
  newCampaign,
  sqlBalances,
} from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { twoOrgs } from "../../../../test/support/suites";
import { AppError } from "../../../platform/errors";
import { campaignHint, getCampaign, getCampaignBySlug } from "../campaigns/campaign-record";
import { getCampaignTotals } from "../campaigns/campaign-totals";
import { createCampaign } from "../campaigns/create-campaign";
import { updateCampaign } from "../campaigns/update-campaign";
import { listGifts } from "./gift-record";
import { recordDonation } from "./record-donation";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return { code: e.code, fields: e.fields };
    },
  );

describe.each(STORES)("campaigns and donations on %s", (store) => {
  const s = twoOrgs(store);

  it("creates a campaign, finds it by id and slug, and refuses a taken slug", async () => {
    const fields = campaignFields({ slug: "Fondo-Rosa" });
    const c = await createCampaign(s.t.deps, s.actor, fields);
    expect(c).toMatchObject({ slug: "fondo-rosa", goalCents: 1_000_000, currency: "USD" });
    expect(c.milestonesCents).toEqual([100_000, 500_000]);
    expect((await getCampaignBySlug(s.t.database.db, s.actor.orgId, "fondo-rosa"))?.id).toBe(c.id);
    expect(await getCampaignBySlug(s.t.database.db, s.other.orgId, "fondo-rosa")).toBeNull();
    expect(await getCampaign(s.t.database.db, s.other.orgId, c.id)).toBeNull();
    expect(await failure(createCampaign(s.t.deps, s.actor, fields))).toEqual({
      code: "validation_failed",
      fields: { slug: "slug_taken" },
    });
    // Another organization may use the same slug.
    await createCampaign(s.t.deps, s.other, fields);
  });

  it("refuses a linked case that isn't this organization's", async () => {
    const fields = campaignFields({ caseId: "00000000-0000-4000-8000-000000000000" });
    expect(await failure(createCampaign(s.t.deps, s.actor, fields))).toMatchObject({
      fields: { caseId: "case_not_found" },
    });
  });

  it("records gifts and computes totals from the ledger", async () => {
    const c = await newCampaign(s.t, s.actor);
    const first = await recordDonation(s.t.deps, s.actor, {
      campaignId: c.id,
      amountCents: 2_500,
      method: "cash",
      donorName: "Vecina Inventada",
      eventNote: "Kermés del sábado",
      receivedByUserId: s.actor.userId,
    });
    expect(first.replayed).toBe(false);
    expect(first.gift).toMatchObject({
      amountCents: 2_500,
      currency: "USD",
      anonymous: true,
      source: "manual",
      receivedByName: "Dueña de Prueba",
      reversed: false,
    });
    await give(s.t, s.actor, c.id, 7_500);
    expect(await getCampaignTotals(s.t.database.db, s.actor.orgId, c.id)).toMatchObject({
      raisedCents: 10_000,
      availableCents: 10_000,
      onBondCents: 0,
      spentCents: 0,
      gifts: 2,
    });
    expect(await sqlBalances(s.t, c.id)).toEqual({
      fund: 10_000,
      bonds_receivable: 0,
      outside: -10_000,
    });
    expect(await getCampaignTotals(s.t.database.db, s.other.orgId, c.id)).toBeNull();
    const found = await listGifts(s.t.database.db, s.actor.orgId, c.id, { q: "kermes" });
    expect(found.map((g) => g.id)).toEqual([first.gift.id]);
  });

  it.each([
    [0, "amount_not_positive"],
    [-100, "amount_not_positive"],
    [10.5, "amount_fractional"],
    [Number.NaN, "amount_not_a_number"],
    [1e15, "amount_too_large"],
    [Number.POSITIVE_INFINITY, "amount_too_large"],
  ])("refuses an amount of %s cents (%s) and saves nothing", async (amountCents, key) => {
    const c = await newCampaign(s.t, s.actor);
    const refused = await failure(
      recordDonation(s.t.deps, s.actor, { campaignId: c.id, amountCents, method: "cash" }),
    );
    expect(refused).toEqual({ code: "validation_failed", fields: { amount: key } });
    expect((await getCampaignTotals(s.t.database.db, s.actor.orgId, c.id))?.gifts).toBe(0);
  });

  it("refuses a currency other than the campaign's, an unknown campaign and another org's", async () => {
    const c = await newCampaign(s.t, s.actor);
    expect(
      await failure(
        recordDonation(s.t.deps, s.actor, {
          campaignId: c.id,
          amountCents: 100,
          currency: "MXN",
          method: "cash",
        }),
      ),
    ).toEqual({ code: "validation_failed", fields: { currency: "currency_mismatch" } });
    for (const [who, id] of [
      [s.actor, "00000000-0000-4000-8000-000000000000"],
      [s.other, c.id],
    ] as const) {
      expect(
        await failure(
          recordDonation(s.t.deps, who, { campaignId: id, amountCents: 1, method: "cash" }),
        ),
      ).toMatchObject({ code: "not_found" });
    }
  });

  it("makes exactly one gift from 20 concurrent requests with one Idempotency-Key", async () => {
    const c = await newCampaign(s.t, s.actor);
    const results = await giftsAtOnce(s.t, s.actor, 20, () => ({
      campaignId: c.id,
      amountCents: 5_000,
      method: "card",
      source: "api",
      idempotencyKey: `key-${c.id}`,
    }));
    const ids = new Set(results.map((r) => r.gift.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await listGifts(s.t.database.db, s.actor.orgId, c.id)).length).toBe(1);
    expect((await getCampaignTotals(s.t.database.db, s.actor.orgId, c.id))?.raisedCents).toBe(
      5_000,
    );
  });

  it("makes exactly one gift from 20 concurrent requests with one (source, external_id)", async () => {
    const c = await newCampaign(s.t, s.actor);
    const results = await giftsAtOnce(s.t, s.actor, 20, (i) => ({
      campaignId: c.id,
      amountCents: 1_234,
      method: "card",
      source: "crowdfunding-export",
      externalId: `row-${c.id}`,
      // Different keys: the source and external id alone must be enough.
      idempotencyKey: `k-${i}-${c.id}`,
    }));
    expect(new Set(results.map((r) => r.gift.id)).size).toBe(1);
    const count = await s.t.database.db.execute<{ n: string }>(
      sql`SELECT count(*)::text AS n FROM ledger_groups WHERE campaign_id = ${c.id}`,
    );
    expect(count.rows[0]?.n).toBe("1");
    // The same external id from another source is another gift.
    const elsewhere = await recordDonation(s.t.deps, s.actor, {
      campaignId: c.id,
      amountCents: 1_234,
      method: "card",
      source: "stripe",
      externalId: `row-${c.id}`,
    });
    expect(elsewhere.replayed).toBe(false);
  });

  it("writes the gift, its balanced group and its audit row together, or none of them", async () => {
    const c = await newCampaign(s.t, s.actor);
    const count = async (table: string, where: ReturnType<typeof sql>) =>
      Number(
        (
          await s.t.database.db.execute<{ n: string }>(
            sql`SELECT count(*)::text AS n FROM ${sql.raw(table)} WHERE ${where}`,
          )
        ).rows[0]?.n,
      );
    const input = {
      campaignId: c.id,
      amountCents: 5_000,
      method: "cash",
      donorName: "Óscar Inventado",
      source: "feria",
      externalId: "recibo-1",
    } as const;
    const r = await recordDonation(s.t.deps, s.actor, input);
    expect(r.gift).toMatchObject({
      amountCents: 5_000,
      donorName: "Óscar Inventado",
      reversed: false,
    });
    const audited = sql`action = 'gift.recorded' AND subject_id = ${r.gift.id}`;
    expect(await count("audit_events", audited)).toBe(1);
    expect(await count("ledger_entries", sql`group_id = ${r.gift.groupId}`)).toBe(2);
    // The same (source, external_id) again: the statement fails whole; the first gift answers.
    const again = await recordDonation(s.t.deps, s.actor, input);
    expect(again).toMatchObject({ replayed: true, gift: { id: r.gift.id } });
    expect(await count("gifts", sql`campaign_id = ${c.id}`)).toBe(1);
    expect(await count("ledger_groups", sql`campaign_id = ${c.id}`)).toBe(1);
    expect(
      await count(
        "audit_events",
        sql`action = 'gift.recorded' AND detail->>'campaign_id' = ${c.id}`,
      ),
    ).toBe(1);
  });

  it("answers a later replay with the first gift, and refuses the key on another campaign", async () => {
    const c = await newCampaign(s.t, s.actor);
    const d = await newCampaign(s.t, s.actor);
    const input = { campaignId: c.id, amountCents: 900, method: "cash" as const };
    const first = await recordDonation(s.t.deps, s.actor, { ...input, idempotencyKey: "replay-1" });
    await give(s.t, s.actor, c.id, 100);
    const again = await recordDonation(s.t.deps, s.actor, { ...input, idempotencyKey: "replay-1" });
    expect(again).toEqual({ gift: first.gift, replayed: true });
    // The same key with a different request is refused, whatever differs (Stripe's rule).
    for (const change of [
      { amountCents: 5 },
      { method: "check" as const },
      { donorName: "Otra Persona Inventada" },
      { anonymous: false },
      { receivedAt: new Date("2026-01-02T10:00:00Z") },
    ]) {
      expect(
        await failure(
          recordDonation(s.t.deps, s.actor, { ...input, ...change, idempotencyKey: "replay-1" }),
        ),
      ).toMatchObject({ code: "idempotency_key_reused" });
    }
    expect(
      await failure(
        recordDonation(s.t.deps, s.actor, {
          ...input,
          campaignId: d.id,
          idempotencyKey: "replay-1",
        }),
      ),
    ).toMatchObject({ code: "idempotency_key_reused" });
    // Keys are per organization: another org may use the same one.
    const theirs = await newCampaign(s.t, s.other);
    const elsewhere = await recordDonation(s.t.deps, s.other, {
      ...input,
      campaignId: theirs.id,
      idempotencyKey: "replay-1",
    });
    expect(elsewhere.replayed).toBe(false);
  });

  it("changes the currency only while a campaign has no movements", async () => {
    const c = await newCampaign(s.t, s.actor);
    const mxn = await updateCampaign(
      s.t.deps,
      s.actor,
      c.id,
      campaignFields({ slug: c.slug, currency: "MXN" }),
    );
    expect(mxn.currency).toBe("MXN");
    await give(s.t, s.actor, c.id, 100);
    expect(
      await failure(updateCampaign(s.t.deps, s.actor, c.id, campaignFields({ slug: c.slug }))),
    ).toEqual({ code: "validation_failed", fields: { currency: "currency_locked" } });
    expect(
      await failure(updateCampaign(s.t.deps, s.other, c.id, campaignFields({ slug: c.slug }))),
    ).toMatchObject({ code: "not_found" });
  });

  it("reads the campaign afresh when the hint this process kept is out of date", async () => {
    const c = await newCampaign(s.t, s.actor);
    await getCampaign(s.t.database.db, s.actor.orgId, c.id);
    const hint = campaignHint(s.actor.orgId, c.id);
    expect(hint).toEqual({ id: c.id, currency: "USD" });
    expect(campaignHint(s.other.orgId, c.id)).toBeNull();
    // Another instance changes the currency (no movements yet): this process still says USD.
    await s.t.database.db.execute(sql`UPDATE campaigns SET currency = 'MXN' WHERE id = ${c.id}`);
    const hinted = {
      campaignId: c.id,
      campaign: hint,
      campaignIsHint: true,
      method: "cash" as const,
    };
    const r = await recordDonation(s.t.deps, s.actor, { ...hinted, amountCents: 700 });
    expect(r).toMatchObject({ replayed: false, gift: { currency: "MXN", amountCents: 700 } });
    expect(campaignHint(s.actor.orgId, c.id)?.currency).toBe("MXN");
    // A refusal is decided on the campaign as it is, not on the hint.
    const stale = { ...hinted, campaign: { id: c.id, currency: "USD" as const } };
    expect(
      await failure(
        recordDonation(s.t.deps, s.actor, { ...stale, amountCents: 5, currency: "USD" }),
      ),
    ).toEqual({
      code: "validation_failed",
      fields: { currency: "currency_mismatch" },
    });
    expect((await getCampaignTotals(s.t.database.db, s.actor.orgId, c.id))?.raisedCents).toBe(700);
  });

  it("keeps the ledger append-only in the database itself", async () => {
    const c = await newCampaign(s.t, s.actor);
    await give(s.t, s.actor, c.id, 100);
    for (const statement of [
      sql`UPDATE ledger_entries SET amount_cents = amount_cents * 2 WHERE campaign_id = ${c.id}`,
      sql`DELETE FROM ledger_entries WHERE campaign_id = ${c.id}`,
      sql`UPDATE ledger_groups SET memo = 'x' WHERE campaign_id = ${c.id}`,
    ]) {
      await expect(s.t.database.db.execute(statement)).rejects.toThrow();
    }
    expect((await getCampaignTotals(s.t.database.db, s.actor.orgId, c.id))?.raisedCents).toBe(100);
  });
});
