import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError, type FieldErrors } from "../../platform/errors";
import { parseWith, readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { can } from "../../platform/permissions";
import { publicBaseUrl } from "../../platform/public-address";
import { isValidDate, zonedToInstant } from "../../platform/time";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { listView } from "../../platform/ui/view";
import { getPerson } from "../people/person-record";
import { searchPeople } from "../people/search-people";
import { type Case, CaseFieldsSchema } from "./case";
import { CasePage, type CasePageProps } from "./case.page";
import { caseCounts, pageCases, staleCases, upcomingHearings } from "./case-dashboard";
import { CaseEventInputSchema } from "./case-event";
import { caseErrorsForForm, caseToForm, formToCaseInput } from "./case-form";
import { CaseFormPage, ChoosePersonPage } from "./case-form.page";
import { caseFundsOf } from "./case-funds";
import { listCasesOfPerson } from "./case-lookup";
import { DashboardQuerySchema, PersonParamSchema } from "./case-query";
import { listCaseEvents } from "./case-timeline";
import { notice, routeCase, view } from "./case-ui";
import { CasesDashboardPage } from "./cases-dashboard.page";
import { createCase } from "./create-case";
import { createFacility } from "./create-facility";
import { FacilityFieldsSchema } from "./facility";
import { searchFacilities } from "./facility-record";
import { readCaseSensitive } from "./read-case-sensitive";
import { recordCaseEvent } from "./record-case-event";
import { updateCase } from "./update-case";

export const casesRoutes = new Hono<AppEnv>();

/**
 * "Not in the list? Type its name": the facility is added to the directory and chosen, in
 * the same form, so nothing typed is lost and the person stays on the case.
 */
async function withNewFacility(
  c: AppContext,
  typed: Record<string, string>,
): Promise<{ values: Record<string, string>; errors: FieldErrors }> {
  const name = (typed.new_facility ?? "").trim();
  if (!name || typed.facility_id) return { values: typed, errors: {} };
  const parsed = parseWith(FacilityFieldsSchema, { name });
  if (!parsed.ok) {
    return { values: typed, errors: { new_facility: parsed.errors.name ?? "invalid" } };
  }
  const auth = c.var.signedIn;
  const facility = await createFacility(c.get("deps"), auth.actor, parsed.data);
  return { values: { ...typed, facility_id: facility.id, new_facility: "" }, errors: {} };
}

/** The new-case form's next hearing: none, or a valid date (and time) in the group's zone. */
function firstEvents(
  values: Record<string, string>,
  timeZone: string,
): { hearing: { at: Date; court: string | null } | null; errors: FieldErrors } {
  const date = (values.hearing_date ?? "").trim();
  const time = (values.hearing_time ?? "").trim() || "09:00";
  const court = (values.hearing_court ?? "").trim();
  if (!date) return { hearing: null, errors: {} };
  if (court.length > 200) return { hearing: null, errors: { hearing_court: "too_long" } };
  const at = zonedToInstant(date, time, timeZone);
  if (!at) {
    const field = isValidDate(date) ? "hearing_time" : "hearing_date";
    return { hearing: null, errors: { [field]: "invalid_date" } };
  }
  return { hearing: { at, court: court || null }, errors: {} };
}

/** The person's case that is not closed yet, if any: a second one gets a warning first. */
const openCaseOf = async (c: AppContext, personId: string) =>
  (await listCasesOfPerson(c.get("deps").db, c.var.signedIn.org.id, personId)).find(
    (k) => k.status !== "closed",
  )?.id ?? null;

/** The case page with its timeline and funds; `shown` adds what this request shows. */
async function renderCasePage(
  c: AppContext,
  kase: Case,
  shown: Pick<CasePageProps, "seesSensitive" | "sensitive" | "notice"> & { path?: string },
) {
  const db = c.var.deps.db;
  const orgId = c.var.signedIn.org.id;
  return render(
    c,
    <CasePage
      {...view(c)}
      {...shown}
      kase={kase}
      events={await listCaseEvents(db, orgId, kase.id)}
      funds={await caseFundsOf(db, orgId, kase.id)}
      publicBase={publicBaseUrl({ config: c.var.config })}
    />,
  );
}

const facilityOptions = (c: AppContext) =>
  searchFacilities(c.get("deps").db, c.var.signedIn.org.id, "", 500);

casesRoutes.get("/cases", allow("cases.read"), async (c) => {
  const auth = c.var.signedIn;
  const query = DashboardQuerySchema.parse(c.req.query());
  const db = c.get("deps").db;
  return render(
    c,
    <CasesDashboardPage
      {...listView(c)}
      q={query.q}
      filter={query.status}
      cases={
        await pageCases(db, auth.org.id, {
          q: query.q,
          filter: query.status,
          page: query.page,
          perPage: query.per_page,
        })
      }
      hearings={await upcomingHearings(db, auth.org.id, { limit: 50 })}
      stale={await staleCases(db, auth.org.id, { limit: 50 })}
      counts={await caseCounts(db, auth.org.id)}
      notice={notice(c)}
    />,
  );
});

casesRoutes.get("/cases/new", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { person: personId, q } = PersonParamSchema.parse(c.req.query());
  const db = c.get("deps").db;
  if (!personId) {
    const found = q ? (await searchPeople(db, auth.actor, { q, page: 1, perPage: 20 })).people : [];
    return render(
      c,
      <ChoosePersonPage
        {...listView(c)}
        q={q}
        people={found}
        canAddPeople={can(auth.role, "people.write")}
      />,
    );
  }
  const person = await getPerson(db, auth.org.id, personId);
  if (!person) throw new AppError("not_found");
  return render(
    c,
    <CaseFormPage
      {...view(c)}
      path={`/cases/new?person=${person.id}`}
      person={person}
      facilities={await facilityOptions(c)}
      form={emptyForm({ person_id: person.id, status: "open", bond_currency: "USD" })}
      withSensitive
      openCaseId={await openCaseOf(c, person.id)}
    />,
  );
});

casesRoutes.post("/cases", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const typed = await readForm(c);
  const personId = typed.person_id ?? "";
  const person = /^[0-9a-f-]{36}$/i.test(personId)
    ? await getPerson(c.get("deps").db, auth.org.id, personId)
    : null;
  if (!person) throw new AppError("not_found");
  const { values, errors: facilityErrors } = await withNewFacility(c, typed);
  // Whoever opens a case joins its team, so they may type its sensitive fields.
  const { input, errors: inputErrors } = formToCaseInput(values, { withSensitive: true });
  const errors = { ...inputErrors, ...facilityErrors };
  const parsed = parseWith(CaseFieldsSchema, input);
  const again = async (fieldErrors: FieldErrors) =>
    render(
      c,
      <CaseFormPage
        {...view(c)}
        person={person}
        facilities={await facilityOptions(c)}
        form={{ values, errors: { ...caseErrorsForForm(fieldErrors), ...errors } }}
        withSensitive
      />,
      422,
    );
  const first = firstEvents(values, auth.org.timeZone);
  Object.assign(errors, first.errors);
  if (!parsed.ok || Object.keys(errors).length > 0) return again(parsed.ok ? {} : parsed.errors);
  const deps = c.get("deps");
  const created = await createCase(deps, auth.actor, parsed.data);
  // The same form starts the timeline: the detention (on its date) and the next hearing.
  if (parsed.data.detainedOn) {
    const at = zonedToInstant(parsed.data.detainedOn, "12:00", auth.org.timeZone);
    if (at) {
      await recordCaseEvent(deps, auth.actor, created.id, {
        ...CaseEventInputSchema.parse({ kind: "detained", occurredAt: at }),
        facilityId: parsed.data.facilityId,
      });
      // A status chosen on the form (released, removed...) wins over the detention's.
      if (parsed.data.status !== "open" && parsed.data.status !== "detained") {
        await updateCase(deps, auth.actor, created.id, { status: parsed.data.status });
      }
    }
  }
  if (first.hearing) {
    await recordCaseEvent(
      deps,
      auth.actor,
      created.id,
      CaseEventInputSchema.parse({
        kind: "hearing_scheduled",
        occurredAt: first.hearing.at,
        court: first.hearing.court,
      }),
    );
  }
  return c.redirect(`/cases/${created.id}?done=created`, 303);
});

casesRoutes.get("/cases/:id", allow("cases.read"), async (c) => {
  const _auth = c.var.signedIn;
  const { kase, seesSensitive } = await routeCase(c);
  return renderCasePage(c, kase, { seesSensitive, notice: notice(c) });
});

casesRoutes.post("/cases/:id/sensitive", allow("cases.read"), async (c) => {
  const auth = c.var.signedIn;
  const { kase, seesSensitive } = await routeCase(c);
  if (!seesSensitive) throw new AppError("forbidden");
  const sensitive = await readCaseSensitive(c.get("deps"), auth.actor, kase.id);
  return renderCasePage(c, kase, { seesSensitive, sensitive, path: `/cases/${kase.id}` });
});

/** The form of an existing case, with `form` (what is stored, or what was typed). */
const editCasePage = async (
  c: AppContext,
  kase: Case,
  seesSensitive: boolean,
  form: FormState,
  status: 200 | 422 = 200,
) =>
  render(
    c,
    <CaseFormPage
      {...view(c)}
      caseId={kase.id}
      person={{ id: kase.personId, displayName: kase.personDisplayName }}
      facilities={await facilityOptions(c)}
      form={form}
      withSensitive={seesSensitive}
    />,
    status,
  );

casesRoutes.get("/cases/:id/edit", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { kase, seesSensitive } = await routeCase(c);
  // Pre-filling the encrypted fields is a read of them, so it is audited.
  const sensitive =
    seesSensitive && (kase.hasANumber || kase.hasBirthdate || kase.hasNotes)
      ? await readCaseSensitive(c.get("deps"), auth.actor, kase.id, "edit")
      : undefined;
  return editCasePage(c, kase, seesSensitive, emptyForm(caseToForm(kase, sensitive)));
});

casesRoutes.post("/cases/:id", allow("cases.write"), async (c) => {
  const auth = c.var.signedIn;
  const { kase, seesSensitive } = await routeCase(c);
  const typed = { ...(await readForm(c)), person_id: kase.personId };
  const { values, errors: facilityErrors } = await withNewFacility(c, typed);
  const { input, errors: inputErrors } = formToCaseInput(values, {
    withSensitive: seesSensitive,
  });
  const errors = { ...inputErrors, ...facilityErrors };
  const parsed = parseWith(CaseFieldsSchema, input);
  if (!parsed.ok || Object.keys(errors).length > 0) {
    const typedErrors = { ...caseErrorsForForm(parsed.ok ? {} : parsed.errors), ...errors };
    return editCasePage(c, kase, seesSensitive, { values, errors: typedErrors }, 422);
  }
  // Without access the form has no sensitive fields: the stored ones stay untouched.
  const { personId: _p, aNumber, birthdate, notes, ...rest } = parsed.data;
  await updateCase(
    c.get("deps"),
    auth.actor,
    kase.id,
    seesSensitive ? { ...rest, aNumber, birthdate, notes } : rest,
  );
  return c.redirect(`/cases/${kase.id}?done=saved`, 303);
});
