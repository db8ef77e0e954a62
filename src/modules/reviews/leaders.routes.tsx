import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { parseWith, readForm } from "../../platform/form-input";
import { type AppEnv, render, requireUuidParam, safeNext } from "../../platform/http";
import { ConfirmEngagementSchema, confirmEngagement } from "./confirm-engagement";
import { LeadersPage } from "./leaders.page";
import { leadersOverview } from "./leadership-data";
import { levelLabel } from "./level-label";
import { leadersText } from "./reviews.messages";

export const leadersRoutes = new Hono<AppEnv>();

leadersRoutes.get("/leaders", allow("leaders.read"), async (c) => {
  const auth = c.var.signedIn;
  const lang = c.get("lang");
  return render(
    c,
    <LeadersPage
      lang={lang}
      csrf={c.get("csrf")}
      path={c.req.path}
      auth={auth}
      overview={await leadersOverview(c.get("deps").db, auth.actor, new Date())}
      levelLabel={levelLabel}
      notice={c.req.query("done") === "level" ? leadersText[lang].confirmed : undefined}
    />,
  );
});

// Nothing changes silently: a suggested level becomes the person's only through this form.
leadersRoutes.post("/leaders/:id/level", allow("leaders.manage"), async (c) => {
  const values = await readForm(c);
  const parsed = parseWith(ConfirmEngagementSchema, { from: values.from, to: values.to });
  if (!parsed.ok) throw new AppError("bad_request");
  const personId = requireUuidParam(c);
  await confirmEngagement(c.get("deps"), c.var.signedIn.actor, personId, parsed.data);
  const back = safeNext(values.back, "/leaders");
  return c.redirect(`${back}?done=level`, 303);
});
