import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { Config } from "../config";
import type { Actor, Deps } from "./actor";
import { AppError } from "./errors";
import type { Lang } from "./i18n";
import { isUuid } from "./ids";
import type { Role } from "./platform.schema";

export type SignedIn = {
  sessionId: string;
  user: { id: string; name: string; email: string; language: Lang | null };
  org: { id: string; name: string; slug: string; timeZone: string };
  role: Role;
  actor: Actor;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    config: Config;
    lang: Lang;
    csrf: string;
    auth: SignedIn | null;
    /**
     * Set by the route's access declaration (platform/authorize.ts): `allow(...)` or
     * `signedIn` on pages, `allow(...)` on the API. Read it only in routes that declare one.
     */
    signedIn: SignedIn;
    /** Who acts: the signed-in user's actor, or the API token's. Set like `signedIn`. */
    actor: Actor;
    sessionExpired: boolean;
    /** Set on API requests so errors render as JSON. */
    api: boolean;
  };
};

export type AppContext = Context<AppEnv>;

/** Renders a full page; hono's c.html adds no doctype. */
export async function render(
  c: AppContext,
  node: Child,
  status: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 = 200,
) {
  return c.html(`<!DOCTYPE html>${await node}`, status);
}

/** The signed-in user, or throws (the error handler sends them to sign in). */
export function requireAuth(c: AppContext): SignedIn {
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthorized");
  return auth;
}

/** Only relative, same-site paths may be redirect targets. */
export function safeNext(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//"))
    return fallback;
  // Browsers strip tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}

/** A route's id parameter; anything that isn't a UUID can't exist, so it's a 404. */
export function requireUuidParam(
  c: { req: { param(name: string): string | undefined } },
  name = "id",
): string {
  const value = c.req.param(name);
  if (!value || !isUuid(value)) throw new AppError("not_found");
  return value.toLowerCase();
}
