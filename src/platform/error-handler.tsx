import type { ErrorHandler } from "hono";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { common } from "./common.messages";
import { errorMessage, fieldMessages } from "./define-errors";
import { AppError } from "./errors";
import { type AppContext, type AppEnv, render } from "./http";
import { langFromAcceptLanguage } from "./i18n";
import { LANG_COOKIE } from "./middleware";
import { Page } from "./ui/layout";
import { publicLang } from "./ui/public-language";
import { PublicLayout } from "./ui/public-layout";

// One place maps errors to HTTP: JSON for /api, a page (or a redirect to sign in) otherwise.
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  const error = toAppError(err);
  if (!error) {
    console.error(
      `[amparo] unexpected error on ${c.req.method} ${c.req.routePath}: ${describeError(err)}`,
    );
    return respond(c, null);
  }
  return respond(c, error);
};

/**
 * Name, SQLSTATE and stack frames only. Messages stay out of the log: a failed
 * query's message carries its parameters, which may be names, emails or ciphertexts.
 */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${current.name} (${code})` : current.name);
    current = current.cause;
  }
  // The stack starts with "Name: message"; keep only the frames after it.
  const head = err instanceof Error ? `${err.name}: ${err.message}` : "";
  const stack = err instanceof Error ? (err.stack ?? "") : "";
  const frames = stack.startsWith(head)
    ? stack
        .slice(head.length)
        .split("\n")
        .filter((line) => /^\s+at /.test(line))
    : [];
  return [parts.join(" <- ") || typeof err, ...frames.slice(0, 8)].join("\n");
}

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
  const fields = error.fields ? fieldMessages(error.fields, lang) : undefined;
  if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  return c.json(
    {
      error: {
        code: error.code,
        message: errorMessage(error.code, lang),
        ...(fields ? { fields } : {}),
      },
    },
    error.status as 400,
  );
}

async function respond(c: AppContext, found: AppError | null) {
  // A form sent after the session expired says so (a GET is sent to /login?expired=1).
  const error =
    found?.code === "unauthorized" && c.get("sessionExpired")
      ? new AppError("session_expired")
      : found;
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
  if (c.req.path.startsWith("/p/")) return publicError(c, error);
  const lang = langOf(c);
  const t = common[lang];
  if (error?.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  const title = error?.code === "not_found" ? t.not_found_title : t.error_title;
  const message = error ? errorMessage(error.code, lang) : t.server_error;
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

/**
 * An error on a public page (/p/...): in the public frame, in the language the visitor
 * chose (?lang=, then the cookie, then the browser), and never a way into the staff
 * sign-in: the way back is the organization's public page, when the address names one.
 */
function publicError(c: AppContext, error: AppError | null) {
  const chosen = publicLang({
    query: c.req.query("lang"),
    cookie: getCookie(c, LANG_COOKIE),
    acceptLanguage: c.req.header("accept-language"),
  });
  const lang = chosen.lang ?? "es";
  const t = common[lang];
  if (error?.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  const title = error?.code === "not_found" ? t.not_found_title : t.error_title;
  const message = error ? errorMessage(error.code, lang) : t.server_error;
  const [, , org, ...rest] = c.req.path.split("/");
  const home = org && rest.length > 0 && /^[a-z0-9-]{1,60}$/i.test(org) ? `/p/${org}` : null;
  return render(
    c,
    <PublicLayout
      lang={lang}
      title={title}
      description={message}
      orgName={t.app_name}
      url={c.req.path}
    >
      <article class="pub-campaign">
        <h1>{title}</h1>
        <p>{message}</p>
        {home && (
          <p>
            <a href={`${home}?lang=${lang}`}>{t.public_home}</a>
          </p>
        )}
      </article>
    </PublicLayout>,
    (error?.status ?? 500) as 400,
  );
}
