import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { common } from "./common.messages";
import { AppError, type FieldErrors } from "./errors";
import { type AppContext, type AppEnv, render } from "./http";
import { langFromAcceptLanguage } from "./i18n";
import { Page } from "./ui/layout";

// One place maps errors to HTTP: JSON for /api, a page (or a redirect to sign in) otherwise.
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  const error = toAppError(err);
  if (!error) {
    // Name and stack only: request bodies may hold personal data.
    console.error(`[amparo] unexpected error on ${c.req.method} ${c.req.routePath}:`, err);
    return respond(c, null);
  }
  return respond(c, error);
};

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large");
    if (err.status >= 400 && err.status < 500) return new AppError("bad_request");
  }
  return null;
}

function langOf(c: AppContext) {
  return c.get("lang") ?? langFromAcceptLanguage(c.req.header("accept-language")) ?? "es";
}

export function apiError(c: AppContext, error: AppError) {
  const lang = langOf(c);
  const t = common[lang];
  const fields = error.fields ? fieldMessages(error.fields, lang) : undefined;
  if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  return c.json(
    {
      error: { code: error.code, message: t[`error_${error.code}`], ...(fields ? { fields } : {}) },
    },
    error.status as 400,
  );
}

export function fieldMessages(fields: FieldErrors, lang: "es" | "en") {
  const t = common[lang];
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, { code: v, message: t[`field_${v}`] }]),
  );
}

async function respond(c: AppContext, error: AppError | null) {
  if (c.get("api") ?? c.req.path.startsWith("/api/")) {
    if (error) return apiError(c, error);
    return c.json({ error: { code: "internal", message: common[langOf(c)].server_error } }, 500);
  }
  if (error && (error.code === "unauthorized" || error.code === "session_expired")) {
    if (c.req.method === "GET") {
      const expired = error.code === "session_expired" || c.get("sessionExpired");
      return c.redirect(expired ? "/login?expired=1" : "/login", 303);
    }
  }
  const lang = langOf(c);
  const t = common[lang];
  if (error?.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  const title = error?.code === "not_found" ? t.not_found_title : t.error_title;
  const message = error ? t[`error_${error.code}`] : t.server_error;
  return render(
    c,
    <Page
      title={title}
      lang={lang}
      csrf={c.get("csrf") ?? ""}
      path="/"
      auth={c.get("auth") ?? null}
    >
      <div class="panel narrow center">
        <h1>{title}</h1>
        <p>{message}</p>
        <a class="button secondary" href="/">
          {t.go_home}
        </a>
      </div>
    </Page>,
    (error?.status ?? 500) as 400,
  );
}
