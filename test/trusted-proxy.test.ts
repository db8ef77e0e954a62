import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "../src/modules/accounts/sign-in";
import { CALL_RATE_LIMIT } from "../src/modules/advocacy/call-campaign";
import { addOffice, newCallCampaign, newCase } from "./support/advocacy";
import { createOrg, createTestApp, PASSWORD, type TestApp } from "./support/app";
import { STORES } from "./support/stores";

// Probe fault 6: behind a proxy every visitor has the proxy's address. With
// AMPARO_TRUSTED_PROXIES the forwarded header names the client, for sign-in and "I called";
// from anyone else that header is ignored.
const PROXY = "10.0.0.1";
const CSRF = "a".repeat(43);

describe.each(STORES)("client addresses behind a trusted proxy on %s", (store) => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;

  beforeAll(async () => {
    t = await createTestApp(store, { AMPARO_TRUSTED_PROXIES: `${PROXY}, 10.9.0.0/16` });
    org = await createOrg(t);
  });
  afterAll(() => t.close());

  const post = (path: string, form: Record<string, string>, peer: string, xff?: string) =>
    t.app.request(
      path,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `amparo_csrf=${CSRF}`,
          ...(xff ? { "x-forwarded-for": xff } : {}),
        },
        body: new URLSearchParams({ ...form, _csrf: CSRF }).toString(),
      },
      { incoming: { socket: { remoteAddress: peer } } },
    );
  const login = (email: string, password: string, peer: string, xff?: string) =>
    post("/login", { email, password }, peer, xff);

  it("limits guessing per client behind the proxy, not per proxy", async () => {
    const { limit } = SIGN_IN_LIMITS.perAddress;
    const guesser = "203.0.113.66";
    for (let i = 0; i < limit; i++) {
      const res = await login(`nobody-${i}@example.org`, "nope", PROXY, `1.1.1.1, ${guesser}`);
      expect(res.status).toBe(401);
    }
    expect((await login(org.email, PASSWORD, PROXY, guesser)).status).toBe(429);
    // Everyone else behind the same proxy (and a second proxy hop) signs in.
    expect((await login(org.email, PASSWORD, PROXY, "198.51.100.7")).status).toBe(303);
    expect((await login(org.email, PASSWORD, PROXY, "198.51.100.8, 10.9.3.4")).status).toBe(303);
  });

  it("ignores the header from an address that isn't a trusted proxy", async () => {
    const { limit } = SIGN_IN_LIMITS.perAddress;
    const direct = "192.0.2.99";
    for (let i = 0; i < limit; i++) {
      const fresh = `198.18.0.${i + 1}`;
      expect((await login(`other-${i}@example.org`, "nope", direct, fresh)).status).toBe(401);
    }
    expect((await login(org.email, PASSWORD, direct, "198.18.1.1")).status).toBe(429);
  });

  it("counts 'I called' per client behind the proxy", async () => {
    const kase = (await newCase(t, org.actor)).kase;
    const campaign = await newCallCampaign(t, org.actor, kase.id, { public: true });
    await addOffice(t, org.actor, campaign.id);
    const next = `/p/${org.slug}/c/x?lang=es`;
    const called = (xff: string) =>
      post(`/p/${org.slug}/advocacy/${campaign.id}/called`, { next }, PROXY, xff);
    for (let i = 0; i < CALL_RATE_LIMIT.limit; i++) {
      expect((await called("203.0.113.5")).status).toBe(303);
    }
    expect((await called("203.0.113.5")).status).toBe(429);
    expect((await called("203.0.113.6")).status).toBe(303);
  });
});
