import Stripe from "stripe";
import type { Config } from "../../../config";

// Card gifts online go through Stripe Checkout, and only when both STRIPE_SECRET_KEY and
// STRIPE_WEBHOOK_SECRET are set (config.ts refuses one without the other).

type StripeSettings = Pick<Config, "stripeSecretKey" | "stripeWebhookSecret">;

/** Whether the public pages offer "Give online" (the flyers module asks this). */
export function stripeConfigured(config: StripeSettings): boolean {
  return Boolean(config.stripeSecretKey && config.stripeWebhookSecret);
}

const clients = new WeakMap<StripeSettings, Stripe>();

/** The Stripe client for this configuration, made once; null when Stripe isn't set up. */
export function stripeFor(config: StripeSettings): Stripe | null {
  if (!config.stripeSecretKey || !stripeConfigured(config)) return null;
  let client = clients.get(config);
  if (!client) {
    client = new Stripe(config.stripeSecretKey, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      telemetry: false,
    });
    clients.set(config, client);
  }
  return client;
}

/**
 * Tests: the client to use for this configuration, e.g. one whose HTTP client answers
 * from memory (Stripe.createFetchHttpClient with a fake fetch), so nothing leaves the machine.
 */
export function useStripeClient(config: StripeSettings, client: Stripe): void {
  clients.set(config, client);
}
