import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type Browser, chromium } from "playwright-core";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import { CampaignFieldsSchema } from "../../src/modules/funds/campaign";
import { createCampaign } from "../../src/modules/funds/create-campaign";
import { giveText } from "../../src/modules/funds/give.messages";
import { useStripeClient } from "../../src/modules/funds/stripe-config";
import { createCipher } from "../../src/platform/crypto";
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium } from "../support/browser";
import { openTestDatabase } from "../support/stores";
import { checkPage } from "./checks";
import { E2E_STORE, E2E_TIMEOUT, launchBrowser, openContext, PHONE } from "./server";

// "Give online" with Stripe configured (its API answered from memory): the public give
// page in both languages passes axe; a bad amount is explained; a good one leaves for
// Stripe Checkout, and the page's own CSP lets that one redirect through.

const CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_e2e";

describe.skipIf(!hasChromium)("give online in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("chooses an amount and is sent to Stripe Checkout", { timeout: E2E_TIMEOUT }, async () => {
    const database = await openTestDatabase(E2E_STORE);
    const config = loadConfig({
      AMPARO_DATA_DIR: mkdtempSync(join(tmpdir(), "amparo-give-")),
      STRIPE_SECRET_KEY: "sk_test_e2e",
      STRIPE_WEBHOOK_SECRET: "whsec_e2e",
    });
    const answer = { id: "cs_test_e2e", object: "checkout.session", url: CHECKOUT };
    const fakeFetch = async () =>
      new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
    useStripeClient(
      config,
      new Stripe("sk_test_e2e", {
        httpClient: Stripe.createFetchHttpClient(fakeFetch as typeof fetch),
      }),
    );
    const app = createApp({ database, cipher: createCipher(randomBytes(32)), config });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const running = {
      url,
      origin: url,
      database,
      deps: { db: database.db, cipher: createCipher(randomBytes(32)) },
      close: async () => {},
    };
    try {
      const org = await setupOrganization(
        database.db,
        {
          org_name: "Comité Inventado en Línea",
          slug: "en-linea",
          time_zone: "America/Los_Angeles",
          default_language: "es",
          owner_name: "Dueña Inventada",
          email: "duena@example.org",
          password: "una frase larga para donar",
        },
        { onlyIfFirst: true },
      );
      const campaign = await createCampaign(
        { db: database.db, cipher: createCipher(randomBytes(32)) },
        { orgId: org.orgId, userId: org.userId, role: "owner" },
        CampaignFieldsSchema.parse({
          slug: "fianza-inventada",
          title: { es: "Fianza inventada", en: "Invented bond" },
          goalCents: 500_000,
          public: true,
        }),
      );
      const give = `${url}/p/en-linea/c/${campaign.slug}/give`;

      for (const lang of ["es", "en"] as const) {
        const { context, page, foreignRequests } = await openContext(browser, running, {
          lang,
          viewport: PHONE,
        });
        try {
          await page.goto(`${give}?lang=${lang}`);
          await checkPage(page, { label: "give online", lang, width: PHONE.width });
          await page.fill("#give-amount", "0.10");
          await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
          expect(await page.locator("#give-amount-error").innerText()).toBe(
            giveText[lang].e_too_small("$1.00"),
          );
          await checkPage(page, {
            label: "give online, amount too small",
            lang,
            width: PHONE.width,
          });
          expect(foreignRequests).toEqual([]);
        } finally {
          await context.close();
        }
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
      await new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      await database.close();
    }
  });
});
