import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import {
  apiFieldPath,
  apiRoute,
  jsonBody,
  jsonResponse,
  tokenApiRouter,
  UuidParamSchema,
  validateApiInput,
  withApiFieldNames,
} from "../../platform/api-router";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import { can } from "../../platform/permissions";
import { consentSummaries, NO_CONSENT } from "./consent-summary";
import { createPerson } from "./create-person";
import { deletePerson } from "./delete-person";
import {
  ApiPeopleListSchema,
  ApiPersonInputSchema,
  ApiPersonPatchSchema,
  ApiPersonSchema,
  apiConsent,
  apiToFields,
  fieldPathToApi,
  personToApi,
  personToFields,
} from "./people.api-schema";
import { parsePeopleQuery } from "./people-query";
import { type Person, type PersonFields, PersonFieldsSchema } from "./person";
import { getPerson } from "./person-record";
import { searchPeople } from "./search-people";
import { ALL_PURPOSES, type ChannelFlags, type ConsentIntake } from "./stated-consent";
import { updatePerson } from "./update-person";

export const peopleApi = tokenApiRouter("/api/v1/people", "/api/v1/people/*");

const tags = ["people"];
// Query strings are forgiving (parsePeopleQuery falls back, never errors): documented, not refused.
const PeopleQueryDoc = z.object({
  q: z.string().max(200).optional(),
  tag: z.string().optional(),
  level: z.string().optional().describe("contact, supporter, active, core or leader"),
  page: z.string().optional().describe("1 or more"),
  per_page: z.string().optional().describe("1 to 100"),
});

/** The API's `consent` as a statement for messaging: every purpose, source "api". */
const apiIntake = (channels: ChannelFlags | null): ConsentIntake | undefined =>
  channels
    ? { source: "api", wording: null, language: null, channels, purposes: ALL_PURPOSES }
    : undefined;

/** People as the API shows them, `consent` read from messaging's records (decision 094). */
async function toApi(deps: Deps, orgId: string, people: Person[]) {
  const consent = await consentSummaries(deps.db, orgId, people);
  return people.map((p) => personToApi(p, consent.get(p.id) ?? NO_CONSENT));
}

/** Domain validation, with error paths renamed back to the API's field names. */
const validateFields = (input: Record<string, unknown>): PersonFields =>
  validateApiInput(PersonFieldsSchema, input, fieldPathToApi);

/** The operations' own e-mail checks name `emails`; the API calls it `email_addresses`. */
const renameFields = withApiFieldNames(apiFieldPath({ emails: "email_addresses" }));

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
        people: await toApi(c.var.deps, c.var.actor.orgId, result.people),
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
    const body = c.req.valid("json");
    const sent = apiToFields(body);
    requireSensitiveWriter(actor, sent);
    const consent = apiIntake(apiConsent(body));
    const person = await createPerson(c.var.deps, actor, validateFields(sent), consent).catch(
      renameFields,
    );
    // Messaging records the stated consent after the commit; answer with what it recorded.
    if (consent) await c.var.deps.bus.settled();
    const [shown] = await toApi(c.var.deps, actor.orgId, [person]);
    return c.json(shown ?? personToApi(person), 201);
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
    const [shown] = await toApi(c.var.deps, c.var.actor.orgId, [person]);
    return c.json(shown ?? personToApi(person), 200);
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
    const body = c.req.valid("json");
    const sent = apiToFields(body);
    requireSensitiveWriter(actor, sent);
    const merged = validateFields({ ...personToFields(current), ...sent });
    const patch = Object.fromEntries(
      Object.keys(sent).map((k) => [k, merged[k as keyof PersonFields]]),
    ) as Partial<PersonFields>;
    const consent = apiIntake(apiConsent(body));
    const person = await updatePerson(c.var.deps, actor, id, patch, consent).catch(renameFields);
    if (consent) await c.var.deps.bus.settled();
    const [shown] = await toApi(c.var.deps, actor.orgId, [person]);
    return c.json(shown ?? personToApi(person), 200);
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
