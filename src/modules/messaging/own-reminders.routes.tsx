import { Hono } from "hono";
import { signedIn } from "../../platform/authorize";
import { readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { FormPage, Notice } from "../../platform/ui/blocks";
import { Checkbox } from "../../platform/ui/forms";
import { pageView } from "../../platform/ui/view";
import { consentText } from "./messaging-consent.messages";
import { ownHearingReminders, setOwnHearingReminders } from "./own-reminders";

// /account/reminders: a team member chooses hearing reminders at their own sign-in email
// for the cases they are on (any role; the account page links here).
export const ownRemindersRoutes = new Hono<AppEnv>();

async function page(c: AppContext) {
  const view = pageView(c);
  const t = consentText[view.lang];
  const own = await ownHearingReminders(c.var.deps, view.auth);
  const notice = c.req.query("saved") === "1" ? t.saved : undefined;
  return render(
    c,
    <FormPage
      {...view}
      title={t.own_title}
      form={{ values: { hearing_reminders: own?.state === "granted" ? "on" : "" }, errors: {} }}
      action="/account/reminders"
      submitLabel={t.own_save}
      cancelHref="/account"
      back={{ href: "/account", label: t.own_back }}
      intro={
        <>
          <Notice text={notice} />
          <p class="lede">{t.own_lede(own?.address ?? view.auth.user.email)}</p>
          {own?.state === "stopped" && <p class="alert alert-info">{t.own_stopped}</p>}
        </>
      }
    >
      <Checkbox name="hearing_reminders" label={t.own_hearing_label} />
    </FormPage>,
  );
}

ownRemindersRoutes.get("/account/reminders", signedIn, page);

ownRemindersRoutes.post("/account/reminders", signedIn, async (c) => {
  const values = await readForm(c);
  const auth = c.var.signedIn;
  // The words are the ones this person was shown, in the language they saw them.
  await setOwnHearingReminders(c.var.deps, auth, {
    on: values.hearing_reminders === "on",
    wording: consentText[c.get("lang")].own_hearing_label,
  });
  return c.redirect("/account/reminders?saved=1", 303);
});
