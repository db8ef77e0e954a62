import { resolve } from "node:path";
import { z } from "zod";

// Environment -> typed config. A wrong setting stops the app with one clear line.
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  AMPARO_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  AMPARO_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]{43,64}$/, "AMPARO_SECRET_KEY must be 32 random bytes in base64")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Set when Amparo runs behind an https proxy so cookies get the Secure flag.
  AMPARO_SECURE_COOKIES: z
    .enum(["true", "false", "auto"])
    .default("auto")
    .transform((v) => (v === "auto" ? "auto" : v === "true")),
  // The address people reach Amparo at (https://amparo.example.org): share links and QR codes.
  // Unset, public pages use the address each request came in on.
  AMPARO_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "AMPARO_PUBLIC_URL must be an http(s) URL" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional()
    .or(z.literal("").transform(() => undefined)),
  AMPARO_LOG_REQUESTS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  // Card gifts online through Stripe Checkout: both set, or neither (funds/stripe-config.ts).
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_[A-Za-z0-9_]+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_...)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(
      /^whsec_[A-Za-z0-9_]+$/,
      "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  secureCookies: boolean | "auto";
  logRequests: boolean;
  publicUrl: string | undefined;
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const c = parsed.data;
  if (Boolean(c.STRIPE_SECRET_KEY) !== Boolean(c.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError(
      "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: set both to take card gifts online, or neither",
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.AMPARO_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    secretKey: c.AMPARO_SECRET_KEY,
    secureCookies: c.AMPARO_SECURE_COOKIES,
    logRequests: c.AMPARO_LOG_REQUESTS,
    publicUrl: c.AMPARO_PUBLIC_URL,
    stripeSecretKey: c.STRIPE_SECRET_KEY,
    stripeWebhookSecret: c.STRIPE_WEBHOOK_SECRET,
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}
