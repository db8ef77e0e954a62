import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Stripe from "stripe";
import { createApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { useStripeClient } from "../../src/modules/funds/online-giving/stripe-config";
import { createCipher } from "../../src/platform/crypto";
import type { TestApp } from "./app";
import { openTestDatabase, type StoreKind } from "./stores";

/** The webhook signing secret of the test apps, to sign events with. */
export const STRIPE_WEBHOOK_SECRET = "whsec_amparo_test_secret";

/** A call the app made to Stripe: its path, form body and idempotency key. */
export type StripeCall = { path: string; form: URLSearchParams; key: string | null };

/**
 * The app with Stripe configured, on a fresh database on `store`. Its Stripe client never
 * reaches the network: every call is recorded in `sent` and answered with `answer` (200).
 */
export async function stripeTestApp(store: StoreKind, answer: Record<string, unknown>) {
  const database = await openTestDatabase(store);
  const dataDir = mkdtempSync(join(tmpdir(), "amparo-stripe-"));
  const config = loadConfig({
    AMPARO_DATA_DIR: dataDir,
    STRIPE_SECRET_KEY: "sk_test_amparo",
    STRIPE_WEBHOOK_SECRET,
  });
  const sent: StripeCall[] = [];
  const fakeFetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      path: new URL(String(url)).pathname,
      form: new URLSearchParams(String(init?.body ?? "")),
      key: new Headers(init?.headers).get("idempotency-key"),
    });
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  useStripeClient(
    config,
    new Stripe("sk_test_amparo", {
      httpClient: Stripe.createFetchHttpClient(fakeFetch as typeof fetch),
      maxNetworkRetries: 0,
    }),
  );
  const app = createApp({ database, cipher: createCipher(randomBytes(32)), config });
  const close = async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const t: TestApp = { app, database, deps: app.deps, close };
  return { t, sent, config };
}
