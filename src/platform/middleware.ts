import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Config } from "../config";
import type { Deps } from "./actor";
import { newSecret } from "./crypto";
import { AppError } from "./errors";
import type { AppEnv } from "./http";
import { isLang, langFromAcceptLanguage } from "./i18n";
import { loadSession, SESSION_COOKIE } from "./sessions";

export const CSRF_COOKIE = "amparo_csrf";
export const LANG_COOKIE = "amparo_lang";

// Everything from self; no inline script, no third-party host, no framing.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

/** Sent with every response (also by the public pages' fast path in front of Hono). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // Set on the response's own headers: c.header() after the handler would copy the body
  // into a stream, and @hono/node-server could no longer write stored bytes in one go
  // (half the rate on cached public pages).
  const headers = c.res.headers;
  const config = c.get("config");
  // Behind https, browsers are told to come back only over https (HSTS).
  const extra: Record<string, string> =
    config && isSecure(c, config) ? { "Strict-Transport-Security": "max-age=31536000" } : {};
  const all = Object.entries({ ...SECURITY_HEADERS, ...extra });
  try {
    for (const [name, value] of all) headers.set(name, value);
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  } catch {
    // Immutable headers (a Response passed through from fetch): the slower copy.
    for (const [name, value] of all) c.header(name, value);
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  }
});

export function provide(deps: Deps, config: Config) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("deps", deps);
    c.set("config", config);
    c.set("api", c.req.path.startsWith("/api/"));
    c.set("auth", null);
    await next();
  });
}

export function isSecure(
  c: { req: { url: string; header(n: string): string | undefined } },
  config: Config,
) {
  if (config.secureCookies !== "auto") return config.secureCookies;
  return c.req.url.startsWith("https:") || c.req.header("x-forwarded-proto") === "https";
}

/** Loads the session cookie; marks an expired one so pages can say so. */
export const session = createMiddleware<AppEnv>(async (c, next) => {
  const found = await loadSession(c.get("deps").db, getCookie(c, SESSION_COOKIE));
  c.set("auth", found.status === "ok" ? found.auth : null);
  c.set("sessionExpired", found.status === "expired");
  await next();
});

/** Signed-in preference, then cookie, then Accept-Language, then Spanish. */
export const language = createMiddleware<AppEnv>(async (c, next) => {
  const cookie = getCookie(c, LANG_COOKIE);
  c.set(
    "lang",
    c.get("auth")?.user.language ??
      (isLang(cookie) ? cookie : null) ??
      langFromAcceptLanguage(c.req.header("accept-language")) ??
      "es",
  );
  await next();
});

/**
 * Double-submit token: a random HttpOnly cookie that every form echoes in `_csrf`,
 * plus an Origin check. The JSON API uses bearer tokens and is exempt.
 */
export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, CSRF_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) rotateCsrf(c);
  else c.set("csrf", token);
  const method = c.req.method;
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS" && !c.get("api")) {
    const origin = c.req.header("origin");
    if (origin && origin !== "null" && new URL(c.req.url).host !== safeHost(origin)) {
      throw new AppError("csrf_failed");
    }
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const sent = body._csrf;
    if (typeof sent !== "string" || !equal(sent, getCookie(c, CSRF_COOKIE) ?? "")) {
      throw new AppError("csrf_failed");
    }
  }
  await next();
});

/** A new CSRF token (cookie and c.var.csrf): on a first visit, and at every sign-in. */
export function rotateCsrf(c: Context<AppEnv>): string {
  const token = newSecret().secret;
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isSecure(c, c.get("config")),
  });
  c.set("csrf", token);
  return token;
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
