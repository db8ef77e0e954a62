import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { readForm, submitForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { can } from "../../platform/permissions";
import { emptyForm } from "../../platform/ui/forms";
import { doneNotice, listView, pageView } from "../../platform/ui/view";
import { createPerson } from "./create-person";
import { deletePerson } from "./delete-person";
import { peopleText } from "./people.messages";
import { PeopleListPage } from "./people-list.page";
import { parsePeopleQuery } from "./people-query";
import { type Person, type PersonFields, PersonFieldsSchema } from "./person";
import { DeletePersonPage, PersonPage } from "./person.page";
import { errorsForForm, formToConsentIntake, formToPersonInput, personToForm } from "./person-form";
import { PersonFormPage } from "./person-form.page";
import { getPerson } from "./person-record";
import { personSections } from "./person-sections";
import { readSensitive } from "./read-person-sensitive";
import { listTags, searchPeople } from "./search-people";
import { updatePerson } from "./update-person";

export const peopleRoutes = new Hono<AppEnv>();

const view = pageView;

async function requirePerson(c: AppContext) {
  const person = await getPerson(c.var.deps.db, c.var.actor.orgId, requireUuidParam(c));
  if (!person) throw new AppError("not_found");
  return person;
}

const notice = (c: AppContext) => doneNotice(c, peopleText, ["created", "saved", "deleted"]);

peopleRoutes.get("/people", allow("people.read"), async (c) => {
  const auth = c.var.signedIn;
  const query = parsePeopleQuery(c.req.query());
  const db = c.get("deps").db;
  const [result, tags] = [
    await searchPeople(db, auth.actor, query),
    await listTags(db, auth.actor),
  ];
  return render(
    c,
    <PeopleListPage
      {...listView(c)}
      result={result}
      tags={tags}
      filters={{ q: query.q, tag: query.tag, level: query.levelText }}
      notice={notice(c)}
    />,
  );
});

peopleRoutes.get("/people/new", allow("people.write"), (c) => {
  const auth = c.var.signedIn;
  return render(
    c,
    <PersonFormPage
      {...view(c)}
      form={emptyForm({ engagement_level: "contact", preferred_language: "" })}
      withSensitive={can(auth.role, "people.sensitive")}
    />,
  );
});

/**
 * The person form posted (new, or an edit of `person`): parsed, with the sensitive fields only
 * for who may see them, and run; or the form again with what was typed (422).
 */
async function submitPersonForm<R>(
  c: AppContext,
  person: Person | undefined,
  run: (data: PersonFields, values: Record<string, string>, withSensitive: boolean) => Promise<R>,
): Promise<
  { ok: true; result: R; values: Record<string, string> } | { ok: false; page: Response }
> {
  const withSensitive = can(c.var.signedIn.role, "people.sensitive");
  const values = await readForm(c);
  const outcome = await submitForm({
    values,
    schema: PersonFieldsSchema,
    input: formToPersonInput(values, { withSensitive }),
    mapErrors: errorsForForm,
    run: (data) => run(data, values, withSensitive),
  });
  if (outcome.ok) return { ok: true, result: outcome.result, values };
  const page = (
    <PersonFormPage
      {...view(c)}
      person={person}
      form={outcome.form}
      withSensitive={withSensitive}
    />
  );
  return { ok: false, page: await render(c, page, 422) };
}

peopleRoutes.post("/people", allow("people.write"), async (c) => {
  const auth = c.var.signedIn;
  const submitted = await submitPersonForm(c, undefined, (data, values) =>
    createPerson(
      c.var.deps,
      auth.actor,
      data,
      formToConsentIntake(values, c.var.lang) ?? undefined,
    ),
  );
  if (!submitted.ok) return submitted.page;
  // The person page shows the consent messaging records from this intake: wait for it.
  if (formToConsentIntake(submitted.values, c.var.lang)) await c.var.deps.bus.settled();
  return c.redirect(`/people/${submitted.result.id}?done=created`, 303);
});

peopleRoutes.get("/people/:id", allow("people.read"), async (c) => {
  const person = await requirePerson(c);
  const extra = await personSections(c, person);
  return render(c, <PersonPage {...view(c)} person={person} notice={notice(c)} extra={extra} />);
});

peopleRoutes.post("/people/:id/sensitive", allow("people.sensitive"), async (c) => {
  const auth = c.var.signedIn;
  const person = await requirePerson(c);
  const sensitive = await readSensitive(c.get("deps"), auth.actor, person.id);
  return render(c, <PersonPage {...view(c)} person={person} sensitive={sensitive} />);
});

peopleRoutes.get("/people/:id/edit", allow("people.write"), async (c) => {
  const auth = c.var.signedIn;
  const person = await requirePerson(c);
  const withSensitive = can(auth.role, "people.sensitive");
  // Pre-filling the encrypted fields is a read of them, so it is audited.
  const sensitive =
    withSensitive && (person.hasBirthdate || person.hasHomeAddress)
      ? await readSensitive(c.get("deps"), auth.actor, person.id)
      : undefined;
  return render(
    c,
    <PersonFormPage
      {...view(c)}
      person={person}
      form={emptyForm(personToForm(person, sensitive))}
      withSensitive={withSensitive}
    />,
  );
});

peopleRoutes.post("/people/:id", allow("people.write"), async (c) => {
  const auth = c.var.signedIn;
  const person = await requirePerson(c);
  const submitted = await submitPersonForm(c, person, (data, _values, withSensitive) => {
    // Without permission the form has no sensitive fields; leave the stored ones untouched.
    const { birthdate: _b, homeAddress: _h, ...rest } = data;
    return updatePerson(c.var.deps, auth.actor, person.id, withSensitive ? data : rest);
  });
  if (!submitted.ok) return submitted.page;
  return c.redirect(`/people/${person.id}?done=saved`, 303);
});

peopleRoutes.get("/people/:id/delete", allow("people.delete"), async (c) => {
  return render(c, <DeletePersonPage {...view(c)} person={await requirePerson(c)} />);
});

peopleRoutes.post("/people/:id/delete", allow("people.delete"), async (c) => {
  const auth = c.var.signedIn;
  await deletePerson(c.get("deps"), auth.actor, requireUuidParam(c));
  return c.redirect("/people?done=deleted", 303);
});
