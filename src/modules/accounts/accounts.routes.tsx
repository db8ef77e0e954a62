import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { anyone } from "../../platform/authorize";
import { clientAddress as clientAddressOf } from "../../platform/client-address";
import { common } from "../../platform/common.messages";
import { AppError, type FieldErrors } from "../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, safeNext } from "../../platform/http";
import { isLang } from "../../platform/i18n";
import { isSecure, LANG_COOKIE, rotateCsrf } from "../../platform/middleware";
import { users } from "../../platform/platform.schema";
import {
  createSession,
  destroySession,
  SESSION_COOKIE,
  SESSION_DAYS,
} from "../../platform/sessions";
import { emptyForm } from "../../platform/ui/forms";
import { AcceptInviteSchema, SetupSchema, SignInSchema } from "./account-schemas";
import { accountsText } from "./accounts.messages";
import { AcceptInvitePage, InviteInvalidPage, SetupPage, SignInPage } from "./accounts.pages";
import { acceptInvitation, getOpenInvitation } from "./invitations";
import { organizationCount, setupOrganization } from "./setup-organization";
import { signIn } from "./sign-in";

export const accountsRoutes = new Hono<AppEnv>();

const base = (c: AppContext) => ({ lang: c.get("lang"), csrf: c.get("csrf"), path: c.req.path });

function startSession(c: AppContext, token: string) {
  // A CSRF token planted or seen before sign-in is worth nothing after it.
  rotateCsrf(c);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isSecure(c, c.get("config")),
    maxAge: SESSION_DAYS * 86_400,
  });
}

const clientAddress = (c: AppContext) => clientAddressOf(c, c.get("config").trustedProxies);

accountsRoutes.get("/setup", anyone, async (c) => {
  if ((await organizationCount(c.get("deps").db)) > 0) return c.redirect("/login", 303);
  const lang = c.get("lang");
  return render(
    c,
    <SetupPage
      {...base(c)}
      form={emptyForm({ time_zone: "America/Los_Angeles", default_language: lang })}
    />,
  );
});

accountsRoutes.post("/setup", anyone, async (c) => {
  // Once set up, a second attempt is refused whatever it holds (the operation re-checks in its transaction).
  if ((await organizationCount(c.get("deps").db)) > 0) throw new AppError("already_set_up");
  const values = await readForm(c);
  const parsed = parseWith(SetupSchema, values);
  if (!parsed.ok)
    return render(c, <SetupPage {...base(c)} form={{ values, errors: parsed.errors }} />, 422);
  try {
    const created = await setupOrganization(c.get("deps").db, parsed.data, { onlyIfFirst: true });
    const result = await signIn(c.get("deps").db, parsed.data, clientAddress(c));
    if (result.ok) startSession(c, result.token);
    return c.redirect(result.ok && created ? "/" : "/login", 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed" && error.fields) {
      return render(c, <SetupPage {...base(c)} form={{ values, errors: error.fields }} />, 422);
    }
    throw error;
  }
});

accountsRoutes.get("/login", anyone, async (c) => {
  if ((await organizationCount(c.get("deps").db)) === 0) return c.redirect("/setup", 303);
  if (c.get("auth")) return c.redirect("/", 303);
  const t = accountsText[c.get("lang")];
  const notice =
    c.req.query("expired") || c.get("sessionExpired")
      ? t.session_expired
      : c.req.query("out")
        ? t.signed_out
        : undefined;
  return render(c, <SignInPage {...base(c)} form={emptyForm()} notice={notice} />);
});

accountsRoutes.post("/login", anyone, async (c) => {
  const values = await readForm(c);
  const parsed = parseWith(SignInSchema, values);
  const form = { values: { email: values.email ?? "" }, errors: parsed.ok ? {} : parsed.errors };
  if (!parsed.ok) return render(c, <SignInPage {...base(c)} form={form} />, 422);
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn(c.get("deps").db, parsed.data, clientAddress(c));
  } catch (error) {
    // Too many attempts: the same form, the email kept, and how long to wait.
    if (!(error instanceof AppError) || error.code !== "rate_limited") throw error;
    c.header("Retry-After", String(error.retryAfterSeconds ?? 60));
    const message = common[c.get("lang")].error_rate_limited;
    return render(c, <SignInPage {...base(c)} form={form} failed={message} />, 429);
  }
  if (!result.ok) return render(c, <SignInPage {...base(c)} form={form} failed />, 401);
  startSession(c, result.token);
  return c.redirect("/", 303);
});

accountsRoutes.post("/logout", anyone, async (c) => {
  const auth = c.get("auth");
  if (auth) await destroySession(c.get("deps").db, auth.sessionId);
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  return c.redirect("/login?out=1", 303);
});

// Language switch: kept on the account when signed in, in a cookie otherwise.
accountsRoutes.post("/lang", anyone, async (c) => {
  const values = await readForm(c);
  if (!isLang(values.lang)) throw new AppError("bad_request");
  setCookie(c, LANG_COOKIE, values.lang, {
    path: "/",
    sameSite: "Lax",
    maxAge: 365 * 86_400,
    secure: isSecure(c, c.get("config")),
  });
  const auth = c.get("auth");
  if (auth) {
    await c
      .get("deps")
      .db.update(users)
      .set({ language: values.lang })
      .where(eq(users.id, auth.user.id));
  }
  return c.redirect(safeNext(values.next), 303);
});

accountsRoutes.get("/invite/:token", anyone, async (c) => {
  const invitation = await getOpenInvitation(c.get("deps").db, c.req.param("token"));
  if (!invitation) return render(c, <InviteInvalidPage {...base(c)} />, 404);
  c.header("Referrer-Policy", "no-referrer");
  return render(
    c,
    <AcceptInvitePage
      {...base(c)}
      path="/"
      token={c.req.param("token")}
      form={emptyForm()}
      orgName={invitation.orgName}
      existing={!!invitation.existingUserId}
    />,
  );
});

accountsRoutes.post("/invite/:token", anyone, async (c) => {
  const token = c.req.param("token");
  const db = c.get("deps").db;
  const invitation = await getOpenInvitation(db, token);
  if (!invitation) return render(c, <InviteInvalidPage {...base(c)} />, 404);
  const values = await readForm(c);
  const page = (errors: FieldErrors) =>
    render(
      c,
      <AcceptInvitePage
        {...base(c)}
        path="/"
        token={token}
        form={{ values: { name: values.name ?? "" }, errors }}
        orgName={invitation.orgName}
        existing={!!invitation.existingUserId}
      />,
      422,
    );
  const parsed = parseWith(AcceptInviteSchema, values);
  if (!parsed.ok) return page(parsed.errors);
  try {
    const joined = await acceptInvitation(db, token, parsed.data);
    startSession(c, await createSession(db, joined.userId, joined.orgId));
    return c.redirect("/", 303);
  } catch (error) {
    return page(fieldErrorsOf(error));
  }
});
