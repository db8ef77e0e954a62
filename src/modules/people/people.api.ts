import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import {
  apiFieldPath,
  jsonResponse,
  tokenApiRouter,
  validateApiInput,
  validateApiPatch,
  withApiFieldNames,
} from "../../platform/api-router";
import {
  apiRoutes,
  foundById,
  pagedSearchQuery,
  pageEnvelope,
  withIdAndBody,
} from "../../platform/api-routes";
import { AppError } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import { can } from "../../platform/permissions";
import { consentSummaries, NO_CONSENT } from "./consent-summary";
import { createPerson } from "./create-person";
import { deletePerson } from "./delete-person";
import {
  ApiPeopleListSchema,
  type ApiPersonInput,
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

const route = apiRoutes("people");
// Query strings are forgiving (parsePeopleQuery falls back, never errors): documented, not refused.
const PeopleQueryDoc = pagedSearchQuery("1 to 100", {
  tag: z.string().optional(),
  level: z.string().optional().describe("contact, supporter, active, core or leader"),
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

/**
 * One person as the API shows them. Messaging records a stated consent after the commit:
 * the answer waits for it, to show what it recorded.
 */
async function personJson(deps: Deps, orgId: string, person: Person, consent?: ConsentIntake) {
  if (consent) await deps.bus.settled();
  const [shown] = await toApi(deps, orgId, [person]);
  return shown ?? personToApi(person);
}

/**
 * A body's fields under the domain's names and the consent it states. Sensitive fields
 * are written only by those who may read them.
 */
function readBody(actor: Actor, body: ApiPersonInput) {
  const sent = apiToFields(body);
  if (("birthdate" in sent || "homeAddress" in sent) && !can(actor.role, "people.sensitive")) {
    throw new AppError("forbidden");
  }
  return { sent, consent: apiIntake(apiConsent(body)) };
}

/** Domain validation, with error paths renamed back to the API's field names. */
const validateFields = (input: Record<string, unknown>): PersonFields =>
  validateApiInput(PersonFieldsSchema, input, fieldPathToApi);

/** The operations' own e-mail checks name `emails`; the API calls it `email_addresses`. */
const renameFields = withApiFieldNames(apiFieldPath({ emails: "email_addresses" }));

peopleApi.openapi(
  route.get("/api/v1/people", "people.read", {
    summary: "Search people (accent-insensitive: names, emails, phone digits)",
    request: { query: PeopleQueryDoc },
    responses: { 200: jsonResponse("A page of people", ApiPeopleListSchema) },
  }),
  async (c) => {
    const result = await searchPeople(c.var.deps.db, c.var.actor, parsePeopleQuery(c.req.query()));
    return c.json(
      {
        people: await toApi(c.var.deps, c.var.actor.orgId, result.people),
        ...pageEnvelope(result),
        total_is_estimate: result.totalIsEstimate,
      },
      200,
    );
  },
);

peopleApi.openapi(
  route.create(
    "/api/v1/people",
    "people.write",
    "Create a person",
    ApiPersonInputSchema,
    ApiPersonSchema,
  ),
  async (c) => {
    const actor = c.var.actor;
    const { sent, consent } = readBody(actor, c.req.valid("json"));
    const person = await createPerson(c.var.deps, actor, validateFields(sent), consent).catch(
      renameFields,
    );
    return c.json(await personJson(c.var.deps, actor.orgId, person, consent), 201);
  },
);

peopleApi.openapi(
  route.onId("get", "/api/v1/people/{id}", "people.read", "Get a person", {
    200: jsonResponse("The person", ApiPersonSchema),
  }),
  async (c) => {
    const person = await foundById(c, getPerson);
    return c.json(await personJson(c.var.deps, c.var.actor.orgId, person), 200);
  },
);

peopleApi.openapi(
  route.patch("/api/v1/people/{id}", "people.write", {
    summary: "Change some fields of a person",
    request: withIdAndBody(ApiPersonPatchSchema),
    responses: { 200: jsonResponse("The updated person", ApiPersonSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const current = await foundById(c, getPerson);
    const { sent, consent } = readBody(actor, c.req.valid("json"));
    const fields = personToFields(current);
    const patch = validateApiPatch(PersonFieldsSchema, fields, sent, fieldPathToApi);
    const person = await updatePerson(c.var.deps, actor, current.id, patch, consent).catch(
      renameFields,
    );
    return c.json(await personJson(c.var.deps, actor.orgId, person, consent), 200);
  },
);

peopleApi.openapi(
  route.onId("delete", "/api/v1/people/{id}", "people.delete", "Delete a person and their data", {
    204: { description: "Deleted" },
  }),
  async (c) => {
    await deletePerson(c.var.deps, c.var.actor, requireUuidParam(c));
    return c.body(null, 204);
  },
);
