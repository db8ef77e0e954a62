import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { parseWith, readForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireAuth,
  requireUuidParam,
} from "../../platform/http";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { InviteSchema } from "./account-schemas";
import { accountsText } from "./accounts.messages";
import { inviteUser } from "./invitations";
import { changeRole, listMembers, listPendingInvitations } from "./members";
import { UsersPage } from "./users.pages";

export const usersRoutes = new Hono<AppEnv>();

async function page(
  c: AppContext,
  extra: { form?: FormState; inviteLink?: string; notice?: string; problem?: string },
  status: 200 | 409 | 422 = 200,
) {
  const auth = requireAuth(c);
  const db = c.get("deps").db;
  return render(
    c,
    <UsersPage
      lang={c.get("lang")}
      csrf={c.get("csrf")}
      path="/users"
      auth={auth}
      members={await listMembers(db, auth.actor)}
      pending={await listPendingInvitations(db, auth.actor)}
      form={extra.form ?? emptyForm({ role: "member" })}
      inviteLink={extra.inviteLink}
      notice={extra.notice}
      problem={extra.problem}
    />,
    status,
  );
}

usersRoutes.get("/users", allow("users.manage"), async (c) => {
  return page(c, {
    notice: c.req.query("saved") ? accountsText[c.get("lang")].role_changed : undefined,
  });
});

usersRoutes.post("/users/invite", allow("users.manage"), async (c) => {
  const auth = c.var.signedIn;
  const values = await readForm(c);
  const parsed = parseWith(InviteSchema, values);
  if (!parsed.ok) return page(c, { form: { values, errors: parsed.errors } }, 422);
  const { token } = await inviteUser(c.get("deps").db, auth.actor, parsed.data);
  const origin = new URL(c.req.url).origin;
  return page(c, { inviteLink: `${origin}/invite/${token}` });
});

usersRoutes.post("/users/:id/role", allow("users.manage"), async (c) => {
  const auth = c.var.signedIn;
  const values = await readForm(c);
  const parsed = parseWith(InviteSchema.shape.role, values.role);
  if (!parsed.ok) throw new AppError("bad_request");
  try {
    await changeRole(c.get("deps").db, auth.actor, requireUuidParam(c), parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      return page(c, { problem: accountsText[c.get("lang")].last_owner }, 409);
    }
    throw error;
  }
  return c.redirect("/users?saved=1", 303);
});
