import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError, type FieldErrors } from "../../platform/errors";
import { parseWith, readForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireAuth,
  requireUuidParam,
} from "../../platform/http";
import { can } from "../../platform/permissions";
import { emptyForm } from "../../platform/ui/forms";
import { createPerson } from "./create-person";
import { deletePerson } from "./delete-person";
import { peopleText } from "./people.messages";
import { PeopleListPage } from "./people-list.page";
import { parsePeopleQuery } from "./people-query";
import { PersonFieldsSchema } from "./person";
import { DeletePersonPage, PersonPage } from "./person.page";
import { errorsForForm, formToPersonInput, personToForm } from "./person-form";
import { PersonFormPage } from "./person-form.page";
import { getPerson } from "./person-record";
import { readSensitive } from "./read-person-sensitive";
import { listTags, searchPeople } from "./search-people";
import { updatePerson } from "./update-person";

export const peopleRoutes = new Hono<AppEnv>();

const view = (c: AppContext) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c),
});

async function requirePerson(c: AppContext) {
  const auth = requireAuth(c);
  const person = await getPerson(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!person) throw new AppError("not_found");
  return person;
}

const NOTICES = { created: "created", saved: "saved", deleted: "deleted" } as const;
function notice(c: AppContext) {
  const key = c.req.query("done");
  return key && key in NOTICES
    ? peopleText[c.get("lang")][NOTICES[key as keyof typeof NOTICES]]
    : undefined;
}

peopleRoutes.get("/people", allow("people.read"), async (c) => {
  const auth = c.var.signedIn;
  const query = parsePeopleQuery(c.req.query());
  const db = c.get("deps").db;
  const [result, tags] = [
    await searchPeople(db, auth.actor, query),
    await listTags(db, auth.actor),
  ];
  const url = new URL(c.req.url);
  return render(
    c,
    <PeopleListPage
      {...view(c)}
      path={`${url.pathname}${url.search}`}
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

peopleRoutes.post("/people", allow("people.write"), async (c) => {
  const auth = c.var.signedIn;
  const withSensitive = can(auth.role, "people.sensitive");
  const values = await readForm(c);
  const parsed = parseWith(PersonFieldsSchema, formToPersonInput(values, { withSensitive }));
  const again = (errors: FieldErrors) =>
    render(
      c,
      <PersonFormPage
        {...view(c)}
        form={{ values, errors: errorsForForm(errors) }}
        withSensitive={withSensitive}
      />,
      422,
    );
  if (!parsed.ok) return again(parsed.errors);
  try {
    const person = await createPerson(c.get("deps"), auth.actor, parsed.data);
    return c.redirect(`/people/${person.id}?done=created`, 303);
  } catch (error) {
    if (error instanceof AppError && error.fields) return again(error.fields);
    throw error;
  }
});

peopleRoutes.get("/people/:id", allow("people.read"), async (c) => {
  return render(c, <PersonPage {...view(c)} person={await requirePerson(c)} notice={notice(c)} />);
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
  const withSensitive = can(auth.role, "people.sensitive");
  const values = await readForm(c);
  const parsed = parseWith(PersonFieldsSchema, formToPersonInput(values, { withSensitive }));
  const again = (errors: FieldErrors) =>
    render(
      c,
      <PersonFormPage
        {...view(c)}
        person={person}
        form={{ values, errors: errorsForForm(errors) }}
        withSensitive={withSensitive}
      />,
      422,
    );
  if (!parsed.ok) return again(parsed.errors);
  // Without permission the form has no sensitive fields; leave the stored ones untouched.
  const { birthdate: _b, homeAddress: _h, ...rest } = parsed.data;
  try {
    await updatePerson(c.get("deps"), auth.actor, person.id, withSensitive ? parsed.data : rest);
  } catch (error) {
    if (error instanceof AppError && error.fields) return again(error.fields);
    throw error;
  }
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
