import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, type TestApp } from "../../../../test/support/app";
import { newCampaign } from "../../../../test/support/funds";
import { decode } from "../../../../test/support/html";
import { STORES } from "../../../../test/support/stores";
import {
  STRIPE_WEBHOOK_SECRET,
  type StripeCall,
  stripeTestApp,
} from "../../../../test/support/stripe";
import { freshApp } from "../../../../test/support/suites";
import { loadConfig } from "../../../config";
import { giveText } from "../../public/give.messages";
import { gifts } from "../funds.schema";
import { stripeEvents } from "../gift-sources.schema";
import { stripeConfigured } from "./stripe-config";

const SECRET = STRIPE_WEBHOOK_SECRET;
const signer = new Stripe("sk_test_amparo");

const CHECKOUT_SESSION = {
  id: "cs_test_1",
  object: "checkout.session",
  url: "https://checkout.stripe.com/c/pay/cs_test_1",
};

function checkoutEvent(o: {
  id: string;
  orgId: string;
  campaignId: string;
  amount?: number;
  intent?: string;
  type?: string;
  paid?: boolean;
  currency?: string;
}) {
  return JSON.stringify({
    id: o.id,
    object: "event",
    type: o.type ?? "checkout.session.completed",
    created: 1_740_000_000,
    data: {
      object: {
        id: `cs_${o.id}`,
        object: "checkout.session",
        payment_status: o.paid === false ? "unpaid" : "paid",
        amount_total: o.amount ?? 2500,
        currency: o.currency ?? "usd",
        payment_intent: o.intent ?? `pi_${o.id}`,
        metadata: { org_id: o.orgId, campaign_id: o.campaignId },
      },
    },
  });
}

describe.each(STORES)("Stripe gifts on %s", (store) => {
  let t: TestApp;
  let sent: StripeCall[];
  let org: Awaited<ReturnType<typeof createOrg>>;
  let other: Awaited<ReturnType<typeof createOrg>>;

  beforeAll(async () => {
    ({ t, sent } = await stripeTestApp(store, CHECKOUT_SESSION));
    org = await createOrg(t, "Comité Inventado de Donativos");
    other = await createOrg(t, "Otra Organización Inventada");
  });
  afterAll(() => t.close());

  const deliver = (payload: string, signature?: string) =>
    t.app.request("/api/stripe/webhook", {
      method: "POST",
      body: payload,
      headers: {
        "content-type": "application/json",
        "stripe-signature":
          signature ?? signer.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
    });
  const giftsOf = (campaignId: string) =>
    t.database.db.select().from(gifts).where(eq(gifts.campaignId, campaignId));
  const eventsOf = (orgId: string) =>
    t.database.db.select().from(stripeEvents).where(eq(stripeEvents.orgId, orgId));

  it("refuses a bad signature with 400 and writes nothing", async () => {
    const c = await newCampaign(t, org.actor);
    const payload = checkoutEvent({ id: "evt_bad", orgId: org.orgId, campaignId: c.id });
    const forged = signer.webhooks.generateTestHeaderString({
      payload,
      secret: "whsec_someone_else",
    });
    const res = await deliver(payload, forged);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_signature");
    const tampered = payload.replace("2500", "250000");
    const signed = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect((await deliver(tampered, signed)).status).toBe(400);
    const none = await t.app.request("/api/stripe/webhook", { method: "POST", body: payload });
    expect(none.status).toBe(400);
    expect(await giftsOf(c.id)).toEqual([]);
    expect(await eventsOf(org.orgId)).toEqual([]);
  });

  it("records a paid session once, anonymous, however often the event comes", async () => {
    const c = await newCampaign(t, org.actor);
    const payload = checkoutEvent({ id: "evt_once", orgId: org.orgId, campaignId: c.id });
    const first = await deliver(payload);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: true, recorded: true });
    const again = await deliver(payload);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ recorded: false });
    const list = await giftsOf(c.id);
    expect(
      list.map((g) => [g.amountCents, g.source, g.externalId, g.anonymous, g.donorName, g.method]),
    ).toEqual([[2500, "stripe", "pi_evt_once", true, null, "card"]]);
    expect((await eventsOf(org.orgId)).filter((e) => e.eventId === "evt_once")).toHaveLength(1);
  });

  it("makes one gift from two different events of the same payment", async () => {
    const c = await newCampaign(t, org.actor);
    const base = { orgId: org.orgId, campaignId: c.id, intent: "pi_shared" };
    expect((await deliver(checkoutEvent({ ...base, id: "evt_a" }))).status).toBe(200);
    const second = checkoutEvent({
      ...base,
      id: "evt_b",
      type: "checkout.session.async_payment_succeeded",
    });
    expect(await (await deliver(second)).json()).toMatchObject({ recorded: false });
    expect(await giftsOf(c.id)).toHaveLength(1);
    const events = (await eventsOf(org.orgId)).filter((e) =>
      ["evt_a", "evt_b"].includes(e.eventId),
    );
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.giftId)).size).toBe(1);
  });

  it("answers 404 for another organization's campaign and writes nothing", async () => {
    const theirs = await newCampaign(t, other.actor);
    const res = await deliver(
      checkoutEvent({ id: "evt_cross", orgId: org.orgId, campaignId: theirs.id }),
    );
    expect(res.status).toBe(404);
    const unknown = await deliver(
      checkoutEvent({
        id: "evt_unknown",
        orgId: org.orgId,
        campaignId: "00000000-0000-4000-8000-000000000000",
      }),
    );
    expect(unknown.status).toBe(404);
    expect(await giftsOf(theirs.id)).toEqual([]);
    expect((await eventsOf(org.orgId)).map((e) => e.eventId)).not.toContain("evt_cross");
  });

  it("ignores unpaid sessions, other events and other apps' sessions; refuses a wrong currency", async () => {
    const c = await newCampaign(t, org.actor);
    const unpaid = await deliver(
      checkoutEvent({ id: "evt_unpaid", orgId: org.orgId, campaignId: c.id, paid: false }),
    );
    expect(await unpaid.json()).toMatchObject({ received: true, recorded: false });
    const other = JSON.stringify({
      id: "evt_x",
      object: "event",
      type: "customer.created",
      created: 1,
      data: { object: { id: "cus_1", object: "customer" } },
    });
    expect((await deliver(other)).status).toBe(200);
    const wrong = await deliver(
      checkoutEvent({ id: "evt_eur", orgId: org.orgId, campaignId: c.id, currency: "eur" }),
    );
    expect(wrong.status).toBe(422);
    expect(await giftsOf(c.id)).toEqual([]);
  });

  it("records one gift when the same event arrives many times at once", async () => {
    const c = await newCampaign(t, org.actor);
    const payload = checkoutEvent({
      id: "evt_burst",
      orgId: org.orgId,
      campaignId: c.id,
      intent: "pi_burst",
    });
    const other = checkoutEvent({
      id: "evt_burst2",
      orgId: org.orgId,
      campaignId: c.id,
      intent: "pi_burst",
      type: "checkout.session.async_payment_succeeded",
    });
    const answers = await Promise.all(
      [...Array(6)].map((_, i) => deliver(i % 2 ? other : payload)),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await giftsOf(c.id)).toHaveLength(1);
  });

  it("shows the give page with no session and sends the donor to Stripe Checkout", async () => {
    const c = await newCampaign(t, org.actor, { public: true });
    const path = `/p/${org.slug}/c/${c.slug}/give`;
    const page = await t.app.request(`${path}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain(
      "form-action 'self' https://checkout.stripe.com",
    );
    expect(decode(await page.text())).toContain(giveText.en.heading(c.title.en));

    const post = (form: Record<string, string>) =>
      t.app.request(path, {
        method: "POST",
        body: new URLSearchParams(form),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const res = await post({ amount: "25.50", lang: "es" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://checkout.stripe.com/c/pay/cs_test_1");
    const request = sent.at(-1);
    expect(request?.path).toBe("/v1/checkout/sessions");
    const form = request?.form ?? new URLSearchParams();
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("2550");
    expect(form.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(form.get("metadata[org_id]")).toBe(org.orgId);
    expect(form.get("metadata[campaign_id]")).toBe(c.id);
    expect(form.get("payment_intent_data[metadata][campaign_id]")).toBe(c.id);
    expect(form.get("success_url")).toMatch(
      new RegExp(`/p/${org.slug}/c/${c.slug}/give/thanks\\?lang=es$`),
    );
    expect(form.get("cancel_url")).toContain(`/p/${org.slug}/c/${c.slug}/give?lang=es&cancelled=1`);

    const count = sent.length;
    for (const [amount, message] of [
      ["", giveText.es.e_required],
      ["abc", giveText.es.e_not_a_number],
      ["0.50", giveText.es.e_too_small("$1.00")],
      ["1000000", giveText.es.e_too_large("$10,000.00")],
    ] as const) {
      const bad = await post({ amount, lang: "es" });
      expect(bad.status, amount).toBe(422);
      expect(decode(await bad.text())).toContain(message);
    }
    expect(sent.length).toBe(count);
    const foreign = await t.app.request(path, {
      method: "POST",
      body: new URLSearchParams({ amount: "5" }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://elsewhere.example",
      },
    });
    expect(foreign.status).toBe(403);
    expect((await t.app.request(`${path}/thanks?lang=es`)).status).toBe(200);
  });

  it("has no give page for a private campaign or another organization's slug", async () => {
    const hidden = await newCampaign(t, org.actor, { public: false });
    expect((await t.app.request(`/p/${org.slug}/c/${hidden.slug}/give`)).status).toBe(404);
    const theirs = await newCampaign(t, other.actor, { public: true });
    expect((await t.app.request(`/p/${org.slug}/c/${theirs.slug}/give`)).status).toBe(404);
  });
});

describe.each(STORES)("without Stripe configured (%s)", (store) => {
  const s = freshApp(store);

  it("has no give page and no webhook", async () => {
    const org = await createOrg(s.t);
    const c = await newCampaign(s.t, org.actor, { public: true });
    expect((await s.t.app.request(`/p/${org.slug}/c/${c.slug}/give`)).status).toBe(404);
    const res = await s.t.app.request("/api/stripe/webhook", { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    expect(stripeConfigured(loadConfig({}))).toBe(false);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "sk_test_x" })).toThrow(/set both/);
  });
});
