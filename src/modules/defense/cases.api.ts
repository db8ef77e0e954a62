import { z } from "zod";
import {
  apiRoute,
  jsonBody,
  jsonResponse,
  tokenApiRouter,
  UuidParamSchema,
  validateApiInput,
} from "../../platform/api-router";
import { allow } from "../../platform/authorize";
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

const tags = ["cases"];
// Query strings are forgiving (anything odd falls back to the default): documented, not refused.
const CasesQueryDoc = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(["active", "all", ...CASE_STATUSES]).optional(),
  page: z.string().optional().describe("1 or more"),
  per_page: z.string().optional().describe("1 to 100 (default 50)"),
});
const IncludeDoc = z.object({ include: z.enum(["sensitive"]).optional() });

/** Domain validation, with error paths renamed back to the API's field names. */
const validate = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> =>
  validateApiInput(schema, input, fieldPathToApi);

async function requireApiCase(c: AppContext) {
  const kase = await getCase(c.var.deps.db, c.var.actor.orgId, requireUuidParam(c));
  if (!kase) throw new AppError("not_found");
  return kase;
}

casesApi.openapi(
  apiRoute({
    method: "get",
    path: "/api/v1/cases",
    summary:
      "List defense cases (default: all but closed), most recently active first, one page at a time; search by name, phone or lawyer",
    tags,
    middleware: [allow("cases.read")],
    request: { query: CasesQueryDoc },
    responses: { 200: jsonResponse("Cases", ApiCaseListSchema) },
  }),
  async (c) => {
    const query = DashboardQuerySchema.parse(c.req.query());
    const found = await pageCases(c.var.deps.db, c.var.actor.orgId, {
      q: query.q,
      filter: query.status,
      page: query.page,
      perPage: query.per_page,
    });
    return c.json(
      {
        page: found.page,
        per_page: found.perPage,
        total_records: found.total,
        cases: found.items.map((k) => ({
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
  apiRoute({
    method: "post",
    path: "/api/v1/cases",
    summary: "Open a case for a person; the token's user joins the case team",
    tags,
    middleware: [allow("cases.write")],
    request: { body: jsonBody(ApiCaseInputSchema) },
    responses: { 201: jsonResponse("Created", ApiCaseSchema) },
  }),
  async (c) => {
    const fields: CaseFields = validate(CaseFieldsSchema, apiToCaseFields(c.req.valid("json")));
    // Whoever opens the case joins its team, so they may set its sensitive fields.
    const kase = await createCase(c.var.deps, c.var.actor, fields);
    return c.json(caseToApi(kase), 201);
  },
);

casesApi.openapi(
  apiRoute({
    method: "get",
    path: "/api/v1/cases/{id}",
    summary:
      "Get a case. With include=sensitive (owners and the case team only) the decrypted A-number, date of birth and notes are added, and the read is audited",
    tags,
    middleware: [allow("cases.read")],
    request: { params: UuidParamSchema, query: IncludeDoc },
    responses: { 200: jsonResponse("The case", ApiCaseSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const kase = await requireApiCase(c);
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
  apiRoute({
    method: "patch",
    path: "/api/v1/cases/{id}",
    summary: "Change some fields of a case (sensitive fields: owners and the case team only)",
    tags,
    middleware: [allow("cases.write")],
    request: { params: UuidParamSchema, body: jsonBody(ApiCasePatchSchema) },
    responses: { 200: jsonResponse("The updated case", ApiCaseSchema) },
  }),
  async (c) => {
    const kase = await requireApiCase(c);
    const sent = apiToCaseFields(c.req.valid("json"));
    const merged = validate(CaseFieldsSchema, { ...caseToFields(kase), ...sent });
    const patch = Object.fromEntries(
      Object.keys(sent).map((k) => [k, merged[k as keyof CaseFields]]),
    ) as Partial<CaseFields>;
    const { personId: _ignored, ...rest } = patch;
    const updated = await updateCase(c.var.deps, c.var.actor, kase.id, rest);
    return c.json(caseToApi(updated), 200);
  },
);

casesApi.openapi(
  apiRoute({
    method: "get",
    path: "/api/v1/cases/{id}/events",
    summary: "The case's timeline, newest first",
    tags,
    middleware: [allow("cases.read")],
    request: { params: UuidParamSchema },
    responses: { 200: jsonResponse("Timeline", ApiCaseEventListSchema) },
  }),
  async (c) => {
    const kase = await requireApiCase(c);
    const events = await listCaseEvents(c.var.deps.db, c.var.actor.orgId, kase.id);
    return c.json({ events: events.map(eventToApi) }, 200);
  },
);

casesApi.openapi(
  apiRoute({
    method: "post",
    path: "/api/v1/cases/{id}/events",
    summary:
      "Record a timeline event; detained/transferred/released/removed update the status (and facility) when newest",
    tags,
    middleware: [allow("cases.write")],
    request: { params: UuidParamSchema, body: jsonBody(ApiCaseEventInputSchema) },
    responses: { 201: jsonResponse("Recorded", ApiCaseEventSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const kase = await requireApiCase(c);
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
    const event = (await listCaseEvents(c.var.deps.db, actor.orgId, kase.id)).find(
      (e) => e.id === id,
    );
    if (!event) throw new AppError("not_found");
    return c.json(eventToApi(event), 201);
  },
);

casesApi.openapi(
  apiRoute({
    method: "patch",
    path: "/api/v1/cases/{id}/hearings/{hearing_id}",
    summary:
      "Move a scheduled hearing (new time or court): its family contacts and case team who agreed are told, court support follows",
    tags,
    middleware: [allow("cases.write")],
    request: {
      params: UuidParamSchema.extend({ hearing_id: z.string().describe("The hearing's id") }),
      body: jsonBody(ApiHearingMoveSchema),
    },
    responses: { 200: jsonResponse("Moved (or already there)", ApiCaseEventSchema) },
  }),
  async (c) => {
    const actor = c.var.actor;
    const kase = await requireApiCase(c);
    const hearingId = requireUuidParam(c, "hearing_id");
    const hearing = await getHearing(c.var.deps.db, actor.orgId, hearingId);
    if (!hearing || hearing.caseId !== kase.id) throw new AppError("not_found");
    const body = c.req.valid("json");
    const input = validate(RescheduleSchema, {
      occurredAt: new Date(body.occurred_at),
      court: body.court === undefined ? hearing.court : body.court,
    });
    await rescheduleHearing(c.var.deps, actor, kase.id, hearingId, input);
    const event = (await listCaseEvents(c.var.deps.db, actor.orgId, kase.id)).find(
      (e) => e.id === hearingId,
    );
    if (!event) throw new AppError("not_found");
    return c.json(eventToApi(event), 200);
  },
);
