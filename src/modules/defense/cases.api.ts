import { type Context, Hono } from "hono";
import { z } from "zod";
import { type ApiEnv, readJson, requireToken } from "../../platform/api";
import { AppError, type FieldErrors, fieldsFromZod } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import type { ApiOperation } from "../../platform/openapi";
import { requirePermission } from "../../platform/permissions";
import { type CaseFields, CaseFieldsSchema } from "./case";
import { listCases } from "./case-dashboard";
import { type CaseEventInput, CaseEventInputSchema } from "./case-event";
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
  apiToCaseFields,
  caseToApi,
  caseToFields,
  eventToApi,
  fieldPathToApi,
} from "./cases.api-schema";
import { DashboardQuerySchema } from "./cases.http";
import { createCase } from "./create-case";
import { readCaseSensitive } from "./read-case-sensitive";
import { recordCaseEvent } from "./record-case-event";
import { updateCase } from "./update-case";

export const casesApi = new Hono<ApiEnv>();
casesApi.use("/api/v1/cases", requireToken);
casesApi.use("/api/v1/cases/*", requireToken);

/** Domain validation, with error paths renamed back to the API's field names. */
function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const [path, key] of Object.entries(fieldsFromZod(parsed.error)))
    fields[fieldPathToApi(path)] = key;
  throw new AppError("validation_failed", fields);
}

async function requireApiCase(c: Context<ApiEnv>) {
  const actor = c.get("actor");
  const kase = await getCase(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!kase) throw new AppError("not_found");
  return kase;
}

casesApi.get("/api/v1/cases", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.read");
  const query = DashboardQuerySchema.parse(c.req.query());
  const items = await listCases(c.get("deps").db, actor.orgId, {
    q: query.q,
    filter: query.status,
  });
  return c.json({
    cases: items.map((k) => ({
      id: k.id,
      person_id: k.personId,
      person_display_name: k.personDisplayName,
      status: k.status,
      facility_name: k.facilityName,
      next_hearing_at: k.nextHearingAt?.toISOString() ?? null,
      last_activity_date: k.lastActivityAt.toISOString(),
    })),
  });
});

casesApi.post("/api/v1/cases", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.write");
  const body = await readJson(c, ApiCaseInputSchema);
  const fields: CaseFields = validate(CaseFieldsSchema, apiToCaseFields(body));
  // Whoever opens the case joins its team, so they may set its sensitive fields.
  const kase = await createCase(c.get("deps"), actor, fields);
  return c.json(caseToApi(kase), 201);
});

casesApi.get("/api/v1/cases/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.read");
  const kase = await requireApiCase(c);
  const include = (c.req.query("include") ?? "").split(",");
  if (!include.includes("sensitive")) return c.json(caseToApi(kase));
  if (!(await actorSeesSensitive(c.get("deps").db, actor, kase.id))) {
    throw new AppError("forbidden");
  }
  const sensitive = await readCaseSensitive(c.get("deps"), actor, kase.id, "api");
  return c.json(caseToApi(kase, sensitive));
});

casesApi.patch("/api/v1/cases/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.write");
  const kase = await requireApiCase(c);
  const body = await readJson(c, ApiCasePatchSchema);
  const sent = apiToCaseFields(body);
  const merged = validate(CaseFieldsSchema, { ...caseToFields(kase), ...sent });
  const patch = Object.fromEntries(
    Object.keys(sent).map((k) => [k, merged[k as keyof CaseFields]]),
  ) as Partial<CaseFields>;
  const { personId: _ignored, ...rest } = patch;
  const updated = await updateCase(c.get("deps"), actor, kase.id, rest);
  return c.json(caseToApi(updated));
});

casesApi.get("/api/v1/cases/:id/events", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.read");
  const kase = await requireApiCase(c);
  const events = await listCaseEvents(c.get("deps").db, actor.orgId, kase.id);
  return c.json({ events: events.map(eventToApi) });
});

casesApi.post("/api/v1/cases/:id/events", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.write");
  const kase = await requireApiCase(c);
  const body = await readJson(c, ApiCaseEventInputSchema);
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
  const id = await recordCaseEvent(c.get("deps"), actor, kase.id, input);
  const event = (await listCaseEvents(c.get("deps").db, actor.orgId, kase.id)).find(
    (e) => e.id === id,
  );
  if (!event) throw new AppError("not_found");
  return c.json(eventToApi(event), 201);
});

const idParam = { name: "id", in: "path" as const, schema: z.uuid() };
export const casesOpenApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/cases",
    summary: "List defense cases (default: all but closed); search by name, phone or lawyer",
    tags: ["cases"],
    params: [
      { name: "q", in: "query", schema: z.string().max(200) },
      {
        name: "status",
        in: "query",
        schema: z.enum(["active", "all", "open", "detained", "released", "removed", "closed"]),
      },
    ],
    responses: { "200": { description: "Cases", schema: ApiCaseListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/cases",
    summary: "Open a case for a person; the token's user joins the case team",
    tags: ["cases"],
    body: ApiCaseInputSchema,
    responses: { "201": { description: "Created", schema: ApiCaseSchema } },
  },
  {
    method: "get",
    path: "/api/v1/cases/{id}",
    summary:
      "Get a case. With include=sensitive (owners and the case team only) the decrypted A-number, date of birth and notes are added, and the read is audited",
    tags: ["cases"],
    params: [idParam, { name: "include", in: "query", schema: z.enum(["sensitive"]) }],
    responses: { "200": { description: "The case", schema: ApiCaseSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/cases/{id}",
    summary: "Change some fields of a case (sensitive fields: owners and the case team only)",
    tags: ["cases"],
    params: [idParam],
    body: ApiCasePatchSchema,
    responses: { "200": { description: "The updated case", schema: ApiCaseSchema } },
  },
  {
    method: "get",
    path: "/api/v1/cases/{id}/events",
    summary: "The case's timeline, newest first",
    tags: ["cases"],
    params: [idParam],
    responses: { "200": { description: "Timeline", schema: ApiCaseEventListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/cases/{id}/events",
    summary:
      "Record a timeline event; detained/transferred/released/removed update the status (and facility) when newest",
    tags: ["cases"],
    params: [idParam],
    body: ApiCaseEventInputSchema,
    responses: { "201": { description: "Recorded", schema: ApiCaseEventSchema } },
  },
];
