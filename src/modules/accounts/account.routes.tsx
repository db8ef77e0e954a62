import { Hono } from "hono";
import { signedIn } from "../../platform/authorize";
import { readForm, submitForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { pageView } from "../../platform/ui/view";
import { AccountPage } from "./account.page";
import { accountsText } from "./accounts.messages";
import { ChangePasswordSchema, changePassword } from "./change-password";

// The signed-in person's own account (any role): see who they are here, change the password.
export const accountRoutes = new Hono<AppEnv>();

const page = (c: AppContext, form: FormState, status: 200 | 422 = 200, notice?: string) =>
  render(c, <AccountPage {...pageView(c)} form={form} notice={notice} />, status);

accountRoutes.get("/account", signedIn, (c) => {
  const ended = c.req.query("changed");
  const t = accountsText[c.get("lang")];
  const notice = ended === undefined ? undefined : t.password_changed(Number(ended) || 0);
  return page(c, emptyForm(), 200, notice);
});

accountRoutes.post("/account/password", signedIn, async (c) => {
  const values = await readForm(c);
  const outcome = await submitForm({
    values,
    schema: ChangePasswordSchema,
    run: (input) => changePassword(c.get("deps"), c.var.signedIn, input),
  });
  // Passwords are never written back into the page.
  if (!outcome.ok) return page(c, { values: {}, errors: outcome.form.errors }, 422);
  return c.redirect(`/account?changed=${outcome.result.otherSessionsEnded}`, 303);
});
