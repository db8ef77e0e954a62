import type { RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import { jsonResponse, tokenApiRouter } from "../../platform/api-router";
import { apiRoutes, pageEnvelope, searchParam, withIdAndBody } from "../../platform/api-routes";
import { AppError, type FieldErrors, invalid } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import { langFromAcceptLanguage } from "../../platform/i18n";
import { isValidTimeZone } from "../../platform/time";
import { apiInstant, apiToEventInput, eventToApi, missingToApi } from "./actions.api-mapping";
import {
  ApiAttendanceInputSchema,
  ApiCheckInInputSchema,
  ApiCheckInSchema,
  ApiCreatedSchema,
  ApiEventInputSchema,
  ApiEventListSchema,
  ApiEventPatchSchema,
  ApiEventSchema,
  ApiMaterialInputSchema,
  ApiReadinessSchema,
  ApiRoleInputSchema,
  ApiStepInputSchema,
} from "./actions.api-schema";
import { addMaterial } from "./add-material";
import { addRole } from "./add-role";
import { addRunOfShowStep } from "./add-step";
import { checkIn } from "./check-in";
import { createEvent } from "./create-event";
import { requireEventAccess } from "./event-record";
import { listEvents } from "./list-events";
import { loadPlan, noOpenLessons, type OpenLessonsFn } from "./load-plan";
import { setAttendance } from "./set-attendance";
import { setEventStatus } from "./set-event-status";

// /api/v1/events: the contract in issue 9 (the review route is the reviews module's).

const API_NAMES: Record<string, string> = {
  personId: "person_id",
  bringerPersonId: "bringer_id",
  ownerPersonId: "owner_id",
  titleEs: "title.es",
  titleEn: "title.en",
  descriptionEs: "description.es",
  descriptionEn: "description.en",
  startsAt: "start_date",
  endsAt: "end_date",
  timeZone: "timezone",
  placeName: "location.name",
  placeAddress: "location.address",
  meetingPoint: "location.meeting_point",
  expectedTurnout: "expected_turnout",
  hearingId: "hearing_id",
  caseId: "hearing_id",
};

/** Operation field names back to the API's, for a 422. */
function apiFields(error: unknown): never {
  if (error instanceof AppError && error.fields) {
    const fields: FieldErrors = {};
    for (const [k, v] of Object.entries(error.fields)) fields[API_NAMES[k] ?? k] ??= v;
    throw new AppError(error.code, fields, error.retryAfterSeconds);
  }
  throw error;
}

const route = apiRoutes("events");

/** A POST on one event's plan (`/api/v1/events/{id}/roles`…): "actions.plan", a JSON body. */
function onPlan<
  const S extends string,
  const B extends z.ZodType,
  const R extends RouteConfig["responses"],
>(step: S, summary: string, body: B, responses: R) {
  return route.post(`/api/v1/events/{id}/${step}`, "actions.plan", {
    summary,
    request: withIdAndBody(body),
    responses,
  });
}

/** What a plan addition answers: the new row's id. */
const added = { 201: jsonResponse("Created", ApiCreatedSchema) };

const ListQuery = z.object({
  q: searchParam,
  when: z.string().optional().describe("upcoming, past or all (default)"),
  page: z.string().optional(),
  per_page: z.string().optional().describe("1 to 200"),
});

export function actionsApi(options: { openLessons?: OpenLessonsFn } = {}) {
  const openLessons = options.openLessons ?? noOpenLessons;
  const api = tokenApiRouter("/api/v1/events", "/api/v1/events/*");

  api.openapi(
    route.get("/api/v1/events", "actions.read", {
      summary: "List actions the organization hosts or co-hosts",
      request: { query: ListQuery },
      responses: { 200: jsonResponse("A page of events", ApiEventListSchema) },
    }),
    async (c) => {
      const q = c.req.query();
      const when = q.when === "upcoming" || q.when === "past" ? q.when : "all";
      const result = await listEvents(c.var.deps.db, c.var.actor.orgId, {
        q: q.q,
        when,
        page: Number.parseInt(q.page ?? "1", 10) || 1,
        perPage: Number.parseInt(q.per_page ?? "25", 10) || 25,
      });
      return c.json(
        {
          events: result.items.map((e) => eventToApi(e, e.isHost)),
          ...pageEnvelope(result),
        },
        200,
      );
    },
  );

  api.openapi(
    route.create(
      "/api/v1/events",
      "actions.manage",
      "Create an action (event)",
      ApiEventInputSchema,
      ApiEventSchema,
    ),
    async (c) => {
      const body = c.req.valid("json");
      if (!isValidTimeZone(body.timezone)) throw invalid({ timezone: "invalid_time_zone" });
      const event = await createEvent(c.var.deps, c.var.actor, apiToEventInput(body)).catch(
        apiFields,
      );
      return c.json(eventToApi(event, true), 201);
    },
  );

  api.openapi(
    route.onId("get", "/api/v1/events/{id}", "actions.read", "Get an action", {
      200: jsonResponse("The event", ApiEventSchema),
    }),
    async (c) => {
      const { event, isHost } = await requireEventAccess(
        c.var.deps.db,
        c.var.actor.orgId,
        requireUuidParam(c),
      );
      return c.json(eventToApi(event, isHost), 200);
    },
  );

  api.openapi(
    route.patch("/api/v1/events/{id}", "actions.manage", {
      summary: "Change an action's status (draft, planned, done, cancelled)",
      request: withIdAndBody(ApiEventPatchSchema),
      responses: { 200: jsonResponse("The event", ApiEventSchema) },
    }),
    async (c) => {
      const event = await setEventStatus(
        c.var.deps,
        c.var.actor,
        requireUuidParam(c),
        c.req.valid("json").status,
      );
      return c.json(eventToApi(event, true), 200);
    },
  );

  api.openapi(
    onPlan("roles", "Give one of your people a role on the plan", ApiRoleInputSchema, added),
    async (c) => {
      const b = c.req.valid("json");
      const role = await addRole(c.var.deps, c.var.actor, requireUuidParam(c), {
        personId: b.person_id,
        role: b.role,
        notes: b.notes,
      }).catch(apiFields);
      return c.json(
        { id: role.id, person_id: role.personId, role: role.role, custom_name: role.customName },
        201,
      );
    },
  );

  api.openapi(
    onPlan(
      "materials",
      "Add a material (who brings it is optional)",
      ApiMaterialInputSchema,
      added,
    ),
    async (c) => {
      const b = c.req.valid("json");
      const m = await addMaterial(c.var.deps, c.var.actor, requireUuidParam(c), {
        item: b.item,
        quantity: b.quantity ?? 1,
        bringerPersonId: b.bringer_id ?? null,
      }).catch(apiFields);
      return c.json(
        {
          id: m.id,
          item: m.item,
          quantity: m.quantity,
          bringer_id: m.bringerPersonId,
          status: m.status,
        },
        201,
      );
    },
  );

  api.openapi(
    onPlan("run_of_show", "Add a timed step to the run of show", ApiStepInputSchema, added),
    async (c) => {
      const b = c.req.valid("json");
      const id = requireUuidParam(c);
      const { event } = await requireEventAccess(c.var.deps.db, c.var.actor.orgId, id);
      const at = apiInstant(b.at, event.timeZone);
      if (!at) throw invalid({ at: "invalid_date" });
      const step = await addRunOfShowStep(c.var.deps, c.var.actor, id, {
        at,
        title: b.title,
        ownerPersonId: b.owner_id ?? null,
      }).catch(apiFields);
      return c.json(
        { id: step.id, at: step.at.toISOString(), title: step.title, owner_id: step.ownerPersonId },
        201,
      );
    },
  );

  api.openapi(
    onPlan(
      "attendances",
      "Record an RSVP or attendance (one per person: a second call updates it)",
      ApiAttendanceInputSchema,
      { 201: jsonResponse("Recorded", ApiCreatedSchema) },
    ),
    async (c) => {
      const b = c.req.valid("json");
      const a = await setAttendance(
        c.var.deps,
        c.var.actor,
        requireUuidParam(c),
        { personId: b.person_id, status: b.status },
        "api",
      ).catch(apiFields);
      return c.json(
        {
          id: a.id,
          person_id: a.personId,
          status: a.status,
          checked_in_at: a.checkedInAt?.toISOString() ?? null,
        },
        201,
      );
    },
  );

  api.openapi(
    onPlan(
      "check_ins",
      "Check someone in (twice is once: the first time is kept)",
      ApiCheckInInputSchema,
      { 200: jsonResponse("Checked in", ApiCheckInSchema) },
    ),
    async (c) => {
      const r = await checkIn(c.var.deps, c.var.actor, requireUuidParam(c), {
        personId: c.req.valid("json").person_id,
      }).catch(apiFields);
      return c.json(
        {
          id: r.id,
          person_id: r.personId,
          checked_in_at: r.checkedInAt.toISOString(),
          first: r.first,
        },
        200,
      );
    },
  );

  api.openapi(
    route.onId(
      "get",
      "/api/v1/events/{id}/readiness",
      "actions.read",
      "What is still missing from the plan",
      { 200: jsonResponse("Readiness", ApiReadinessSchema) },
    ),
    async (c) => {
      const db = c.var.deps.db;
      const orgId = c.var.actor.orgId;
      const access = await requireEventAccess(db, orgId, requireUuidParam(c));
      const plan = await loadPlan(db, orgId, access, openLessons);
      const lang = langFromAcceptLanguage(c.req.header("accept-language")) ?? "en";
      return c.json(
        {
          ready: plan.readiness.ready,
          missing: plan.readiness.missing.map((m) => missingToApi(m, plan, lang)),
        },
        200,
      );
    },
  );

  return api;
}
