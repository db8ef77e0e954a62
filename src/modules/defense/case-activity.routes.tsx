import { Hono } from "hono";
import { z } from "zod";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { parseWith, readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { instantToZoned } from "../../platform/time";
import { ConfirmPage } from "../../platform/ui/blocks";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { getPersonNames } from "../people/person-names";
import { searchPeople } from "../people/search-people";
import { addFamilyContact, FamilyContactSchema } from "./add-family-contact";
import { CASE_EVENT_KINDS, CaseEventInputSchema } from "./case-event";
import { CaseEventFormPage } from "./case-event-form.page";
import { eventsText } from "./case-events.messages";
import { AddFamilyPage } from "./case-family.page";
import { eventErrorsForForm, eventFormDefaults, formToEventInput } from "./case-form";
import { PersonParamSchema } from "./case-query";
import { teamCandidates } from "./case-record";
import { CaseTeamPage } from "./case-team.page";
import { getCaseEvent } from "./case-timeline";
import { routeCase, type View, view } from "./case-ui";
import { casesText } from "./defense.messages";
import { deleteCaseEvent } from "./delete-case-event";
import { searchFacilities } from "./facility-record";
import { getHearing } from "./hearing-lookup";
import { HearingReschedulePage } from "./hearing-reschedule.page";
import { recordCaseEvent } from "./record-case-event";
import { removeFamilyContact } from "./remove-family-contact";
import { RescheduleSchema, rescheduleHearing } from "./reschedule-hearing";
import { setCaseTeam } from "./set-case-team";

// The timeline, family links and the case team.
export const caseActivityRoutes = new Hono<AppEnv>();

const KindSchema = z.enum(CASE_EVENT_KINDS);
const facilityOptions = (c: AppContext) =>
  searchFacilities(c.get("deps").db, c.var.signedIn.org.id, "", 500);

caseActivityRoutes.get("/cases/:id/events/new", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { kase } = await routeCase(c);
  const kind = KindSchema.safeParse(c.req.query("kind"));
  if (!kind.success) return c.redirect(`/cases/${kase.id}`, 303);
  return render(
    c,
    <CaseEventFormPage
      {...view(c)}
      path={`/cases/${kase.id}/events/new?kind=${kind.data}`}
      kind={kind.data}
      kase={kase}
      facilities={await facilityOptions(c)}
      form={emptyForm(eventFormDefaults(kind.data, auth.org.timeZone))}
    />,
  );
});

caseActivityRoutes.post("/cases/:id/events", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { kase } = await routeCase(c);
  const values = await readForm(c);
  const kind = KindSchema.safeParse(values.kind);
  if (!kind.success) throw new AppError("bad_request");
  const { input, errors } = formToEventInput(values, kind.data, auth.org.timeZone);
  const parsed = parseWith(CaseEventInputSchema, input);
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return render(
      c,
      <CaseEventFormPage
        {...view(c)}
        kind={kind.data}
        kase={kase}
        facilities={await facilityOptions(c)}
        form={{
          values,
          errors: { ...eventErrorsForForm(parsed.ok ? {} : parsed.errors), ...errors },
        }}
      />,
      422,
    );
  }
  await recordCaseEvent(c.get("deps"), auth.actor, kase.id, parsed.data);
  const { kase: after } = await routeCase(c);
  const status = after.status !== kase.status ? `&status=${after.status}` : "";
  return c.redirect(`/cases/${kase.id}?done=event${status}`, 303);
});

caseActivityRoutes.get("/cases/:id/events/:eventId/delete", allow("cases.write"), async (c) => {
  const { kase } = await routeCase(c);
  const eventId = requireUuidParam(c, "eventId");
  if (!(await getCaseEvent(c.get("deps").db, c.var.signedIn.org.id, kase.id, eventId))) {
    throw new AppError("not_found");
  }
  const t = eventsText[c.get("lang")];
  const hearing = await getHearing(c.get("deps").db, c.var.signedIn.org.id, eventId);
  return render(
    c,
    <ConfirmPage
      {...view(c)}
      title={t.delete_title}
      body={hearing && hearing.at > new Date() ? t.delete_hearing_body : t.delete_body}
      action={`/cases/${kase.id}/events/${eventId}/delete`}
      section="cases"
      confirmLabel={t.delete_confirm}
      cancelHref={`/cases/${kase.id}#event-${eventId}`}
    />,
  );
});

caseActivityRoutes.post("/cases/:id/events/:eventId/delete", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { kase } = await routeCase(c);
  await deleteCaseEvent(c.get("deps"), auth.actor, kase.id, requireUuidParam(c, "eventId"));
  return c.redirect(`/cases/${kase.id}?done=event_deleted`, 303);
});

/** The hearing of this case (404 otherwise) and the reschedule page around a form. */
async function hearingPage(c: AppContext, form: (at: Date, court: string | null) => FormState) {
  const { kase } = await routeCase(c);
  const hearingId = requireUuidParam(c, "eventId");
  const hearing = await getHearing(c.get("deps").db, c.var.signedIn.org.id, hearingId);
  if (!hearing || hearing.caseId !== kase.id) throw new AppError("not_found");
  const props = (f: FormState, v: View = view(c)) => (
    <HearingReschedulePage {...v} kase={kase} hearingId={hearingId} form={f} />
  );
  return { kase, hearingId, page: props(form(hearing.at, hearing.court)), props };
}

caseActivityRoutes.get("/cases/:id/events/:eventId/reschedule", allow("cases.write"), async (c) => {
  const tz = c.var.signedIn.org.timeZone;
  const { page } = await hearingPage(c, (at, court) =>
    emptyForm({ ...instantToZoned(at, tz), court: court ?? "" }),
  );
  return render(c, page);
});

caseActivityRoutes.post(
  "/cases/:id/events/:eventId/reschedule",
  allow("cases.write"),
  async (c) => {
    const auth = c.var.signedIn;
    const values = await readForm(c);
    const { kase, hearingId, props } = await hearingPage(c, () => emptyForm({}));
    const { input, errors } = formToEventInput(values, "hearing_scheduled", auth.org.timeZone);
    const parsed = parseWith(RescheduleSchema, {
      occurredAt: input.occurredAt,
      court: input.court,
    });
    if (!parsed.ok || Object.keys(errors).length > 0) {
      const fieldErrors = { ...eventErrorsForForm(parsed.ok ? {} : parsed.errors), ...errors };
      return render(c, props({ values, errors: fieldErrors }), 422);
    }
    await rescheduleHearing(c.get("deps"), auth.actor, kase.id, hearingId, parsed.data);
    return c.redirect(`/cases/${kase.id}?done=hearing_moved#event-${hearingId}`, 303);
  },
);

async function familyPage(c: AppContext, form: FormState, status: 200 | 422 = 200) {
  const auth = c.var.signedIn;
  const { kase } = await routeCase(c);
  const { q } = PersonParamSchema.parse(c.req.query());
  const linked = new Set([kase.personId, ...kase.family.map((f) => f.personId)]);
  let people: { id: string; displayName: string }[] = q
    ? (await searchPeople(c.get("deps").db, auth.actor, { q, page: 1, perPage: 20 })).people
    : [];
  // After an error, show the person the form was sent for, so its message is visible.
  const sentFor = form.values.person_id;
  if (status === 422 && sentFor) {
    const names = await getPersonNames(c.get("deps").db, auth.org.id, [sentFor]);
    people = names.has(sentFor) ? [{ id: sentFor, displayName: names.get(sentFor) ?? "" }] : [];
  }
  const url = new URL(c.req.url);
  return render(
    c,
    <AddFamilyPage
      {...view(c)}
      path={`/cases/${kase.id}/family/new${url.search}`}
      kase={kase}
      q={q}
      people={people
        .filter((p) => !linked.has(p.id))
        .map((p) => ({ id: p.id, displayName: p.displayName }))}
      form={form}
    />,
    status,
  );
}

caseActivityRoutes.get("/cases/:id/family/new", allow("cases.write"), async (c) => {
  return familyPage(c, emptyForm());
});

caseActivityRoutes.post("/cases/:id/family", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { kase } = await routeCase(c);
  const values = await readForm(c);
  const parsed = parseWith(FamilyContactSchema, {
    personId: values.person_id ?? "",
    relationship: values.relationship ?? "",
  });
  if (!parsed.ok) {
    if (parsed.errors.personId) throw new AppError("not_found");
    return familyPage(c, { values, errors: parsed.errors }, 422);
  }
  await addFamilyContact(c.get("deps"), auth.actor, kase.id, parsed.data);
  return c.redirect(`/cases/${kase.id}?done=family`, 303);
});

caseActivityRoutes.get("/cases/:id/family/:personId/remove", allow("cases.write"), async (c) => {
  const { kase } = await routeCase(c);
  const personId = requireUuidParam(c, "personId");
  const member = kase.family.find((f) => f.personId === personId);
  if (!member) throw new AppError("not_found");
  const t = casesText[c.get("lang")];
  return render(
    c,
    <ConfirmPage
      {...view(c)}
      title={t.family_remove_title(member.displayName)}
      body={t.family_remove_body}
      action={`/cases/${kase.id}/family/${personId}/remove`}
      section="cases"
      confirmLabel={t.family_remove_confirm}
      cancelHref={`/cases/${kase.id}`}
    />,
  );
});

caseActivityRoutes.post("/cases/:id/family/:personId/remove", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { kase } = await routeCase(c);
  await removeFamilyContact(c.get("deps"), auth.actor, kase.id, requireUuidParam(c, "personId"));
  return c.redirect(`/cases/${kase.id}?done=family_removed`, 303);
});

caseActivityRoutes.get("/cases/:id/team", allow("cases.read"), async (c) => {
  const auth = c.var.signedIn;
  const { kase, seesSensitive } = await routeCase(c);
  if (!seesSensitive) throw new AppError("forbidden");
  return render(
    c,
    <CaseTeamPage
      {...view(c)}
      kase={kase}
      candidates={await teamCandidates(c.get("deps").db, auth.org.id)}
      selected={kase.team.map((m) => m.userId)}
    />,
  );
});

caseActivityRoutes.post("/cases/:id/team", allow("cases.read"), async (c) => {
  const auth = c.var.signedIn;
  const { kase } = await routeCase(c);
  const body = await c.req.parseBody({ all: true });
  const raw = body.user_id;
  const ids = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (v): v is string => typeof v === "string",
  );
  if (ids.some((id) => !z.uuid().safeParse(id).success)) throw new AppError("not_found");
  await setCaseTeam(c.get("deps"), auth.actor, kase.id, ids);
  return c.redirect(`/cases/${kase.id}?done=team`, 303);
});
