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
  AMPARO_LOG_REQUESTS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  secureCookies: boolean | "auto";
  logRequests: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.AMPARO_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    secretKey: c.AMPARO_SECRET_KEY,
    secureCookies: c.AMPARO_SECURE_COOKIES,
    logRequests: c.AMPARO_LOG_REQUESTS,
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}
