import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../../../test/support/api";
import { apiTokenFor, createOrg, type TestApp } from "../../../../test/support/app";
import { give, newCampaign } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import {
  STRIPE_WEBHOOK_SECRET,
  type StripeCall,
  stripeTestApp,
} from "../../../../test/support/stripe";
import { getCampaignTotals } from "../campaigns/campaign-totals";
import { listGifts } from "../gifts/gift-record";

// Refunds and disputes made at Stripe mirrored as ledger reversals from the webhook
// (idempotent by event id), and a refund operation for a gift (Stripe's refunded too).
const SECRET = STRIPE_WEBHOOK_SECRET;
const REFUND = { id: "re_test_1", object: "refund", status: "succeeded" };
const signer = new Stripe("sk_test_amparo");

describe.each(STORES)("Stripe refunds and disputes on %s", (store) => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let api: ReturnType<typeof apiClient>;
  let sent: StripeCall[] = [];

  beforeAll(async () => {
    const made = await stripeTestApp(store, REFUND);
    t = made.t;
    sent = made.sent;
    org = await createOrg(t, "Comité Inventado de Reembolsos");
    api = apiClient(t, await apiTokenFor(t, org.actor));
  });
  afterAll(() => t.close());

  const deliver = (event: Record<string, unknown>) => {
    const payload = JSON.stringify({ object: "event", created: 1_740_000_000, ...event });
    return t.app.request("/api/stripe/webhook", {
      method: "POST",
      body: payload,
      headers: {
        "content-type": "application/json",
        "stripe-signature": signer.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
    });
  };
  const paid = (id: string, campaignId: string, amount = 2500) =>
    deliver({
      id,
      type: "checkout.session.completed",
      data: {
        object: {
          id: `cs_${id}`,
          object: "checkout.session",
          payment_status: "paid",
          amount_total: amount,
          currency: "usd",
          payment_intent: `pi_${id}`,
          metadata: { org_id: org.orgId, campaign_id: campaignId },
        },
      },
    });
  const refunded = (id: string, intent: string, amount: number, refundedCents = amount) =>
    deliver({
      id,
      type: "charge.refunded",
      data: {
        object: {
          id: `ch_${id}`,
          object: "charge",
          amount,
          amount_refunded: refundedCents,
          refunded: refundedCents >= amount,
          payment_intent: intent,
        },
      },
    });
  const raised = async (campaignId: string) =>
    (await getCampaignTotals(t.database.db, org.orgId, campaignId))?.raisedCents;
  const giftsOf = (campaignId: string) => listGifts(t.database.db, org.orgId, campaignId);

  it("mirrors a full refund as a reversal, once however often the event comes", async () => {
    const c = await newCampaign(t, org.actor);
    await paid("evt_r1", c.id);
    expect(await raised(c.id)).toBe(2500);
    const first = await refunded("evt_r1_refund", "pi_evt_r1", 2500);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: true, reversed: true });
    expect(await raised(c.id)).toBe(0);
    const again = await refunded("evt_r1_refund", "pi_evt_r1", 2500);
    expect(await again.json()).toMatchObject({ reversed: false });
    // Another event about the same refund finds it reversed already.
    expect(await (await refunded("evt_r1_refund_b", "pi_evt_r1", 2500)).json()).toMatchObject({
      reversed: false,
    });
    expect(await raised(c.id)).toBe(0);
  });

  it("mirrors a dispute; leaves a partial refund and other accounts' payments alone", async () => {
    const c = await newCampaign(t, org.actor);
    await paid("evt_d1", c.id, 4000);
    await paid("evt_p1", c.id, 1000);
    const dispute = await deliver({
      id: "evt_d1_dispute",
      type: "charge.dispute.created",
      data: {
        object: { id: "dp_1", object: "dispute", charge: "ch_x", payment_intent: "pi_evt_d1" },
      },
    });
    expect(await dispute.json()).toMatchObject({ reversed: true });
    expect(await (await refunded("evt_p1_part", "pi_evt_p1", 1000, 400)).json()).toMatchObject({
      reversed: false,
    });
    expect(await (await refunded("evt_other", "pi_not_ours", 900)).json()).toMatchObject({
      reversed: false,
    });
    expect(await raised(c.id)).toBe(1000);
  });

  it("refunds a Stripe gift at Stripe and in the ledger; the webhook then adds nothing", async () => {
    const c = await newCampaign(t, org.actor);
    await paid("evt_api1", c.id, 3000);
    const [gift] = await giftsOf(c.id);
    if (!gift) throw new Error("no gift");
    const res = await api.post(`/api/v1/gifts/${gift.id}/refund`, { memo: "Lo pidió" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ gift_id: gift.id, stripe_refund_id: "re_test_1" });
    const call = sent.find((s) => s.path === "/v1/refunds");
    expect(call?.form.get("payment_intent")).toBe("pi_evt_api1");
    expect(call?.key).toBe(`amparo-refund-${gift.id}`);
    expect(await raised(c.id)).toBe(0);
    expect(await (await refunded("evt_api1_refund", "pi_evt_api1", 3000)).json()).toMatchObject({
      reversed: false,
    });
    const twice = await api.post(`/api/v1/gifts/${gift.id}/refund`, {});
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("already_reversed");
  });

  it("records giving back a cash gift without asking Stripe, and 404s other ids", async () => {
    const c = await newCampaign(t, org.actor);
    await give(t, org.actor, c.id, 5000);
    const [gift] = await giftsOf(c.id);
    if (!gift) throw new Error("no gift");
    const before = sent.length;
    const res = await api.post(`/api/v1/gifts/${gift.id}/refund`, {});
    expect(res.status).toBe(201);
    expect(res.json.stripe_refund_id).toBeNull();
    expect(sent.length).toBe(before);
    expect(await raised(c.id)).toBe(0);
    expect((await giftsOf(c.id))[0]?.reversed).toBe(true);
    const other = await createOrg(t, "Otra");
    const theirCampaign = await newCampaign(t, other.actor);
    await give(t, other.actor, theirCampaign.id, 100);
    const theirs = (await listGifts(t.database.db, other.orgId, theirCampaign.id))[0];
    expect((await api.post(`/api/v1/gifts/${theirs?.id}/refund`, {})).status).toBe(404);
  });
});
