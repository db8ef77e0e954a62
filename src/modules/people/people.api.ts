import { z } from "zod";
import type { Actor } from "../../platform/actor";
import { requireToken } from "../../platform/api";
import {
  apiRoute,
  apiRouter,
  jsonBody,
  jsonResponse,
  UuidParamSchema,
} from "../../platform/api-router";
import { allow } from "../../platform/authorize";
import { AppError, type FieldErrors, fieldsFromZod } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import { can } from "../../platform/permissions";
import { createPerson } from "./create-person";
import { deletePerson } from "./delete-person";
import {
  ApiPeopleListSchema,
  ApiPersonInputSchema,
  ApiPersonPatchSchema,
  ApiPersonSchema,
  apiToFields,
  fieldPathToApi,
  personToApi,
  personToFields,
} from "./people.api-schema";
import { parsePeopleQuery } from "./people-query";
import { type PersonFields, PersonFieldsSchema } from "./person";
import { getPerson } from "./person-record";
import { searchPeople } from "./search-people";
import { updatePerson } from "./update-person";

export const peopleApi = apiRouter();
peopleApi.use("/api/v1/people", requireToken);
peopleApi.use("/api/v1/people/*", requireToken);

const tags = ["people"];
// Query strings are forgiving (parsePeopleQuery falls back, never errors): documented, not refused.
const PeopleQueryDoc = z.object({
  q: z.string().max(200).optional(),
  tag: z.string().optional(),
  level: z.string().optional().describe("contact, supporter, active, core or leader"),
  page: z.string().optional().describe("1 or more"),
  per_page: z.string().optional().describe("1 to 100"),
});

/** Domain validation, with error paths renamed back to the API's field names. */
function validateFields(input: Record<string, unknown>): PersonFields {
  const parsed = PersonFieldsSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const [path, key] of Object.entries(fieldsFromZod(parsed.error)))
    fields[fieldPathToApi(path)] = key;
  throw new AppError("validation_failed", fields);
}

function renameFields(error: unknown): never {
  if (error instanceof AppError && error.fields?.emails) {
    throw new AppError("validation_failed", { email_addresses: error.fields.emails });
  }
  throw error;
}

peopleApi.openapi(
  apiRoute({
    method: "get",
    path: "/api/v1/people",
    summary: "Search people (accent-insensitive: names, emails, phone digits)",
    tags,
    middleware: [allow("people.read")],
    request: { query: PeopleQueryDoc },
    responses: { 200: jsonResponse("A page of people", ApiPeopleListSchema) },
  }),
  async (c) => {
    const result = await searchPeople(c.var.deps.db, c.var.actor, parsePeopleQuery(c.req.query()));
    return c.json(
      {
        people: result.people.map(personToApi),
        page: result.page,
        per_page: result.perPage,
        total_records: result.total,
        total_is_estimate: result.totalIsEstimate,
      },
      200,
    );
  },
);

/** Sensitive fields are written only by those who may read them. */
function requireSensitiveWriter(actor: Actor, sent: Record<string, unknown>) {
  if (("birthdate" in sent || "homeAddress" in sent) && !can(actor.role, "people.sensitive")) {
    throw new AppError("forbidden");
  }
}

peopleApi.openapi(
  apiRoute({
    method: "post",
    path: "/api/v1/people",
    summary: "Create a person",
    tags,
    middleware: [allow("people.write")],
    request: { body: jsonBody(ApiPersonInputSchema) },
    responses: { 201: jsonResponse("Created", ApiPersonSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const sent = apiToFields(c.req.valid("json"));
    requireSensitiveWriter(actor, sent);
    const person = await createPerson(c.var.deps, actor, validateFields(sent)).catch(renameFields);
    return c.json(personToApi(person), 201);
  },
);

peopleApi.openapi(
  apiRoute({
    method: "get",
    path: "/api/v1/people/{id}",
    summary: "Get a person",
    tags,
    middleware: [allow("people.read")],
    request: { params: UuidParamSchema },
    responses: { 200: jsonResponse("The person", ApiPersonSchema) },
  }),
  async (c) => {
    const person = await getPerson(c.var.deps.db, c.var.actor.orgId, requireUuidParam(c));
    if (!person) throw new AppError("not_found");
    return c.json(personToApi(person), 200);
  },
);

peopleApi.openapi(
  apiRoute({
    method: "patch",
    path: "/api/v1/people/{id}",
    summary: "Change some fields of a person",
    tags,
    middleware: [allow("people.write")],
    request: { params: UuidParamSchema, body: jsonBody(ApiPersonPatchSchema) },
    responses: { 200: jsonResponse("The updated person", ApiPersonSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const id = requireUuidParam(c);
    const current = await getPerson(c.var.deps.db, actor.orgId, id);
    if (!current) throw new AppError("not_found");
    const sent = apiToFields(c.req.valid("json"));
    requireSensitiveWriter(actor, sent);
    const merged = validateFields({ ...personToFields(current), ...sent });
    const patch = Object.fromEntries(
      Object.keys(sent).map((k) => [k, merged[k as keyof PersonFields]]),
    ) as Partial<PersonFields>;
    const person = await updatePerson(c.var.deps, actor, id, patch).catch(renameFields);
    return c.json(personToApi(person), 200);
  },
);

peopleApi.openapi(
  apiRoute({
    method: "delete",
    path: "/api/v1/people/{id}",
    summary: "Delete a person and their data",
    tags,
    middleware: [allow("people.delete")],
    request: { params: UuidParamSchema },
    responses: { 204: { description: "Deleted" } },
  }),
  async (c) => {
    await deletePerson(c.var.deps, c.var.actor, requireUuidParam(c));
    return c.body(null, 204);
  },
);
