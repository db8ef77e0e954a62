import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { notFound } from "../../platform/errors";
import { readForm, submitForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { pageView } from "../../platform/ui/view";
import { getPerson } from "../people/person-record";
import { ConsentPage } from "./consent.page";
import { consentHistory, personConsent } from "./consent-history";
import { consentText } from "./messaging-consent.messages";
import { ConsentInputSchema, recordConsent } from "./record-consent";

// Recording consent by hand from the person page (paper, in person, a web form).
export const consentRoutes = new Hono<AppEnv>();

async function consentPage(c: AppContext, form: FormState | null, status: 200 | 422 = 200) {
  const view = pageView(c);
  const db = c.var.deps.db;
  const person = await getPerson(db, view.auth.org.id, requireUuidParam(c));
  if (!person) throw notFound();
  const points = await personConsent(db, view.auth.org.id, person);
  const history = await consentHistory(db, view.auth.org.id, person.id, person);
  const initial = emptyForm({
    contact: points[0]?.address ?? "",
    action: "grant",
    source: "paper",
    language: person.preferredLanguage ?? view.lang,
  });
  return render(
    c,
    <ConsentPage
      {...view}
      person={person}
      points={points}
      history={history}
      form={form ?? initial}
      notice={c.req.query("done") === "1" ? consentText[view.lang].saved : undefined}
    />,
    status,
  );
}

consentRoutes.get("/people/:id/consents", allow("messaging.consent"), (c) => consentPage(c, null));

consentRoutes.post("/people/:id/consents", allow("messaging.consent"), async (c) => {
  const personId = requireUuidParam(c);
  const values = await readForm(c);
  const outcome = await submitForm({
    values,
    schema: ConsentInputSchema,
    input: {
      contact: values.contact ?? "",
      purpose: values.purpose ?? "",
      action: values.action ?? "",
      source: values.source ?? "",
      ...(values.wording?.trim() ? { wording: values.wording } : {}),
      ...(values.language ? { language: values.language } : {}),
    },
    run: (input) => recordConsent(c.var.deps, c.var.actor, personId, input),
  });
  if (!outcome.ok) return consentPage(c, outcome.form, 422);
  return c.redirect(`/people/${personId}/consents?done=1`, 303);
});
