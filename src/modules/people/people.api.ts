import { Hono } from "hono";
import { z } from "zod";
import { type ApiEnv, readJson, requireToken } from "../../platform/api";
import { AppError, type FieldErrors, fieldsFromZod } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import type { ApiOperation } from "../../platform/openapi";
import { requirePermission } from "../../platform/permissions";
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

export const peopleApi = new Hono<ApiEnv>();
peopleApi.use("/api/v1/people", requireToken);
peopleApi.use("/api/v1/people/*", requireToken);

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

peopleApi.get("/api/v1/people", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.read");
  const query = parsePeopleQuery(c.req.query());
  const result = await searchPeople(c.get("deps").db, actor, query);
  return c.json({
    people: result.people.map(personToApi),
    page: result.page,
    per_page: result.perPage,
    total_records: result.total,
  });
});

peopleApi.post("/api/v1/people", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.write");
  const body = await readJson(c, ApiPersonInputSchema);
  if (
    (body.birthdate || body.home_address) &&
    actor.role !== "owner" &&
    actor.role !== "organizer"
  ) {
    throw new AppError("forbidden");
  }
  const fields = validateFields(apiToFields(body));
  const person = await createPerson(c.get("deps"), actor, fields).catch(renameFields);
  return c.json(personToApi(person), 201);
});

peopleApi.get("/api/v1/people/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.read");
  const person = await getPerson(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!person) throw new AppError("not_found");
  return c.json(personToApi(person));
});

peopleApi.patch("/api/v1/people/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.write");
  const id = requireUuidParam(c);
  const current = await getPerson(c.get("deps").db, actor.orgId, id);
  if (!current) throw new AppError("not_found");
  const body = await readJson(c, ApiPersonPatchSchema);
  const sent = apiToFields(body);
  if (
    ("birthdate" in sent || "homeAddress" in sent) &&
    actor.role !== "owner" &&
    actor.role !== "organizer"
  ) {
    throw new AppError("forbidden");
  }
  const merged = validateFields({ ...personToFields(current), ...sent });
  const patch = Object.fromEntries(
    Object.keys(sent).map((k) => [k, merged[k as keyof PersonFields]]),
  ) as Partial<PersonFields>;
  const person = await updatePerson(c.get("deps"), actor, id, patch).catch(renameFields);
  return c.json(personToApi(person));
});

peopleApi.delete("/api/v1/people/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.delete");
  await deletePerson(c.get("deps"), actor, requireUuidParam(c));
  return c.body(null, 204);
});

const idParam = { name: "id", in: "path" as const, schema: z.uuid() };
export const peopleOpenApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/people",
    summary: "Search people (accent-insensitive: names, emails, phone digits)",
    tags: ["people"],
    params: [
      { name: "q", in: "query", schema: z.string().max(200) },
      { name: "tag", in: "query", schema: z.string() },
      {
        name: "level",
        in: "query",
        schema: z.enum(["contact", "supporter", "active", "core", "leader"]),
      },
      { name: "page", in: "query", schema: z.int().min(1) },
      { name: "per_page", in: "query", schema: z.int().min(1).max(100) },
    ],
    responses: { "200": { description: "A page of people", schema: ApiPeopleListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/people",
    summary: "Create a person",
    tags: ["people"],
    body: ApiPersonInputSchema,
    responses: { "201": { description: "Created", schema: ApiPersonSchema } },
  },
  {
    method: "get",
    path: "/api/v1/people/{id}",
    summary: "Get a person",
    tags: ["people"],
    params: [idParam],
    responses: { "200": { description: "The person", schema: ApiPersonSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/people/{id}",
    summary: "Change some fields of a person",
    tags: ["people"],
    params: [idParam],
    body: ApiPersonPatchSchema,
    responses: { "200": { description: "The updated person", schema: ApiPersonSchema } },
  },
  {
    method: "delete",
    path: "/api/v1/people/{id}",
    summary: "Delete a person and their data",
    tags: ["people"],
    params: [idParam],
    responses: { "204": { description: "Deleted" } },
  },
];
