import { chromium } from "playwright-core";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { useStripeClient } from "../../src/modules/funds/online-giving/stripe-config";
import { giveText } from "../../src/modules/public/give.messages";
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium } from "../support/browser";
import { addCampaign, setupOwner, useBrowser, withContext } from "./flows";
import { E2E_TIMEOUT, PHONE, startServer } from "./server";

// "Give online" with Stripe configured (its API answered from memory): the public give
// page in both languages passes axe; a bad amount is explained; a good one leaves for
// Stripe Checkout, and the page's own CSP lets that one redirect through.

const CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_e2e";

describe.skipIf(!hasChromium)("give online in a real browser", () => {
  const browser = useBrowser();

  it("chooses an amount and is sent to Stripe Checkout", { timeout: E2E_TIMEOUT }, async () => {
    const answer = { id: "cs_test_e2e", object: "checkout.session", url: CHECKOUT };
    const fakeFetch = async () =>
      new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
    const server = await startServer(undefined, undefined, {
      env: { STRIPE_SECRET_KEY: "sk_test_e2e", STRIPE_WEBHOOK_SECRET: "whsec_e2e" },
      configure: (config) =>
        useStripeClient(
          config,
          new Stripe("sk_test_e2e", {
            httpClient: Stripe.createFetchHttpClient(fakeFetch as typeof fetch),
          }),
        ),
    });
    try {
      const { actor } = await setupOwner(
        server,
        {
          name: "Comité Inventado en Línea",
          slug: "en-linea",
          owner: "Dueña Inventada",
          email: "duena@example.org",
          password: "una frase larga para donar",
        },
        "es",
      );
      const campaign = await addCampaign(server, actor, {
        slug: "fianza-inventada",
        title: { es: "Fianza inventada", en: "Invented bond" },
        goalCents: 500_000,
        public: true,
      });
      const give = `${server.url}/p/en-linea/c/${campaign.slug}/give`;

      for (const lang of ["es", "en"] as const) {
        await withContext(browser(), server, { lang, viewport: PHONE }, async ({ page, check }) => {
          await page.goto(`${give}?lang=${lang}`);
          await check("give online");
          await page.fill("#give-amount", "0.10");
          await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
          expect(await page.locator("#give-amount-error").innerText()).toBe(
            giveText[lang].e_too_small("$1.00"),
          );
          await check("give online, amount too small");
        });
      }

      // Without bypassing CSP: the page's form-action must let the redirect to Stripe through.
      // This browser resolves Stripe's host to nothing, so no request leaves the machine;
      // a navigation that fails at name resolution got past the CSP.
      const strict = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP checkout.stripe.com ~NOTFOUND"],
      });
      const context = await strict.newContext({ viewport: PHONE });
      const page = await context.newPage();
      const failed: string[] = [];
      page.on("requestfailed", (r) => {
        if (r.url().startsWith("https://checkout.stripe.com/"))
          failed.push(r.failure()?.errorText ?? "");
      });
      const blocked: string[] = [];
      page.on("console", (m) => {
        if (m.text().includes("Content Security Policy")) blocked.push(m.text());
      });
      await page.goto(`${give}?lang=es`);
      await page.fill("#give-amount", "25");
      await page.click("main button[type=submit]");
      await expect
        .poll(() => failed.length + blocked.length, { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(blocked).toEqual([]);
      expect(failed).toEqual(["net::ERR_NAME_NOT_RESOLVED"]);
      await strict.close();
    } finally {
      await server.close();
    }
  });
});
