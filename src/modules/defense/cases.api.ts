import { z } from "zod";
import {
  jsonBody,
  jsonResponse,
  tokenApiRouter,
  UuidParamSchema,
  validateApiInput,
  validateApiPatch,
} from "../../platform/api-router";
import {
  apiRoutes,
  found,
  foundById,
  pagedSearchQuery,
  pageEnvelope,
  withId,
  withIdAndBody,
} from "../../platform/api-routes";
import { AppError } from "../../platform/errors";
import { type AppContext, requireUuidParam } from "../../platform/http";
import { CASE_STATUSES, type CaseFields, CaseFieldsSchema } from "./case";
import { pageCases } from "./case-dashboard";
import { type CaseEventInput, CaseEventInputSchema } from "./case-event";
import { DashboardQuerySchema } from "./case-query";
import { actorSeesSensitive, getCase } from "./case-record";
import { listCaseEvents } from "./case-timeline";
import {
  ApiCaseEventInputSchema,
  ApiCaseEventListSchema,
  ApiCaseEventSchema,
  ApiCaseInputSchema,
  ApiCaseListSchema,
  ApiCasePatchSchema,
  ApiCaseSchema,
  ApiHearingMoveSchema,
  apiToCaseFields,
  caseToApi,
  caseToFields,
  eventToApi,
  fieldPathToApi,
} from "./cases.api-schema";
import { createCase } from "./create-case";
import { getHearing } from "./hearing-lookup";
import { readCaseSensitive } from "./read-case-sensitive";
import { recordCaseEvent } from "./record-case-event";
import { RescheduleSchema, rescheduleHearing } from "./reschedule-hearing";
import { updateCase } from "./update-case";

export const casesApi = tokenApiRouter("/api/v1/cases", "/api/v1/cases/*");

const route = apiRoutes("cases");
// Query strings are forgiving (anything odd falls back to the default): documented, not refused.
const CasesQueryDoc = pagedSearchQuery("1 to 100 (default 50)", {
  status: z.enum(["active", "all", ...CASE_STATUSES]).optional(),
});
const IncludeDoc = z.object({ include: z.enum(["sensitive"]).optional() });

/** Domain validation, with error paths renamed back to the API's field names. */
const validate = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> =>
  validateApiInput(schema, input, fieldPathToApi);

/** One event of the case's timeline as the API shows it (just recorded or moved). */
async function eventJson(c: AppContext, caseId: string, eventId: string) {
  const events = await listCaseEvents(c.var.deps.db, c.var.actor.orgId, caseId);
  return eventToApi(found(events.find((e) => e.id === eventId)));
}

casesApi.openapi(
  route.get("/api/v1/cases", "cases.read", {
    summary:
      "List defense cases (default: all but closed), most recently active first, one page at a time; search by name, phone or lawyer",
    request: { query: CasesQueryDoc },
    responses: { 200: jsonResponse("Cases", ApiCaseListSchema) },
  }),
  async (c) => {
    const query = DashboardQuerySchema.parse(c.req.query());
    const page = await pageCases(c.var.deps.db, c.var.actor.orgId, {
      q: query.q,
      filter: query.status,
      page: query.page,
      perPage: query.per_page,
    });
    return c.json(
      {
        ...pageEnvelope(page),
        cases: page.items.map((k) => ({
          id: k.id,
          person_id: k.personId,
          person_display_name: k.personDisplayName,
          status: k.status,
          facility_name: k.facilityName,
          next_hearing_at: k.nextHearingAt?.toISOString() ?? null,
          last_activity_date: k.lastActivityAt.toISOString(),
        })),
      },
      200,
    );
  },
);

casesApi.openapi(
  route.create(
    "/api/v1/cases",
    "cases.write",
    "Open a case for a person; the token's user joins the case team",
    ApiCaseInputSchema,
    ApiCaseSchema,
  ),
  async (c) => {
    const fields: CaseFields = validate(CaseFieldsSchema, apiToCaseFields(c.req.valid("json")));
    // Whoever opens the case joins its team, so they may set its sensitive fields.
    const kase = await createCase(c.var.deps, c.var.actor, fields);
    return c.json(caseToApi(kase), 201);
  },
);

casesApi.openapi(
  route.get("/api/v1/cases/{id}", "cases.read", {
    summary:
      "Get a case. With include=sensitive (owners and the case team only) the decrypted A-number, date of birth and notes are added, and the read is audited",
    request: { ...withId, query: IncludeDoc },
    responses: { 200: jsonResponse("The case", ApiCaseSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const kase = await foundById(c, getCase);
    const include = (c.req.query("include") ?? "").split(",");
    if (!include.includes("sensitive")) return c.json(caseToApi(kase), 200);
    if (!(await actorSeesSensitive(c.var.deps.db, actor, kase.id))) {
      throw new AppError("forbidden");
    }
    const sensitive = await readCaseSensitive(c.var.deps, actor, kase.id, "api");
    return c.json(caseToApi(kase, sensitive), 200);
  },
);

casesApi.openapi(
  route.patch("/api/v1/cases/{id}", "cases.write", {
    summary: "Change some fields of a case (sensitive fields: owners and the case team only)",
    request: withIdAndBody(ApiCasePatchSchema),
    responses: { 200: jsonResponse("The updated case", ApiCaseSchema) },
  }),
  async (c) => {
    const kase = await foundById(c, getCase);
    const sent = apiToCaseFields(c.req.valid("json"));
    const patch = validateApiPatch(CaseFieldsSchema, caseToFields(kase), sent, fieldPathToApi);
    const { personId: _ignored, ...rest } = patch;
    const updated = await updateCase(c.var.deps, c.var.actor, kase.id, rest);
    return c.json(caseToApi(updated), 200);
  },
);

casesApi.openapi(
  route.onId(
    "get",
    "/api/v1/cases/{id}/events",
    "cases.read",
    "The case's timeline, newest first",
    { 200: jsonResponse("Timeline", ApiCaseEventListSchema) },
  ),
  async (c) => {
    const kase = await foundById(c, getCase);
    const events = await listCaseEvents(c.var.deps.db, c.var.actor.orgId, kase.id);
    return c.json({ events: events.map(eventToApi) }, 200);
  },
);

casesApi.openapi(
  route.post("/api/v1/cases/{id}/events", "cases.write", {
    summary:
      "Record a timeline event; detained/transferred/released/removed update the status (and facility) when newest",
    request: withIdAndBody(ApiCaseEventInputSchema),
    responses: { 201: jsonResponse("Recorded", ApiCaseEventSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const kase = await foundById(c, getCase);
    const body = c.req.valid("json");
    const input: CaseEventInput = validate(CaseEventInputSchema, {
      kind: body.kind,
      occurredAt: new Date(body.occurred_at),
      facilityId: body.facility_id ?? null,
      fromFacilityId: body.from_facility_id ?? null,
      hearingKind: body.hearing_kind ?? null,
      court: body.court,
      outcome: body.outcome,
      amountCents: body.amount_cents ?? null,
      currency: body.currency ?? null,
      note: body.note,
    });
    const id = await recordCaseEvent(c.var.deps, actor, kase.id, input);
    return c.json(await eventJson(c, kase.id, id), 201);
  },
);

casesApi.openapi(
  route.patch("/api/v1/cases/{id}/hearings/{hearing_id}", "cases.write", {
    summary:
      "Move a scheduled hearing (new time or court): its family contacts and case team who agreed are told, court support follows",
    request: {
      params: UuidParamSchema.extend({ hearing_id: z.string().describe("The hearing's id") }),
      body: jsonBody(ApiHearingMoveSchema),
    },
    responses: { 200: jsonResponse("Moved (or already there)", ApiCaseEventSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const kase = await foundById(c, getCase);
    const hearingId = requireUuidParam(c, "hearing_id");
    const hearing = await getHearing(c.var.deps.db, actor.orgId, hearingId);
    if (!hearing || hearing.caseId !== kase.id) throw new AppError("not_found");
    const body = c.req.valid("json");
    const input = validate(RescheduleSchema, {
      occurredAt: new Date(body.occurred_at),
      court: body.court === undefined ? hearing.court : body.court,
    });
    await rescheduleHearing(c.var.deps, actor, kase.id, hearingId, input);
    return c.json(await eventJson(c, kase.id, hearingId), 200);
  },
);
