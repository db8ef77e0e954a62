import { z } from "zod";
import {
  ApiBilingualSchema,
  apiFieldPath,
  jsonResponse,
  tokenApiRouter,
  validateApiInput,
  withApiFieldNames,
} from "../../platform/api-router";
import {
  apiRoutes,
  foundById,
  searchParam,
  withId,
  withIdAndBody,
} from "../../platform/api-routes";
import { requireUuidParam } from "../../platform/http";
import { searchQuery } from "../../platform/text";
import { dayInZone, daysEnding, isValidDate } from "../../platform/time";
import { CALL_CAMPAIGN_KINDS } from "./advocacy.schema";
import { type CallCampaign, CallCampaignFieldsSchema, fillDays, LIMITS } from "./call-campaign";
import {
  callsOnDays,
  getCallCampaign,
  listCallCampaigns,
  listTargets,
  orgTimeZone,
  totalCalls,
} from "./call-campaign-record";
import { createCallCampaign } from "./create-call-campaign";
import { MAX_REPORTED_CALLS, recordCalls } from "./record-calls";

// /api/v1/call-campaigns: call-in and visit campaigns for a case, their targets (read only
// here) and their call counts. Counts only, never who called (decision 030).

export const advocacyApi = tokenApiRouter("/api/v1/call-campaigns", "/api/v1/call-campaigns/*");

const route = apiRoutes("advocacy");
const Bi = (max: number) =>
  z.object({ es: z.string().max(max).optional(), en: z.string().max(max).optional() });

const ApiCallCampaignInputSchema = z
  .object({
    case_id: z.string().describe("The case the campaign is for"),
    kind: z.enum(CALL_CAMPAIGN_KINDS).optional().describe("call (default) or visit"),
    title: Bi(LIMITS.title),
    ask: Bi(LIMITS.ask),
    script: Bi(LIMITS.script),
    open: z.boolean().optional(),
    public: z.boolean().optional().describe("Shown on the case's public fund page"),
  })
  .strict();

const ApiCallCampaignSchema = z.object({
  id: z.uuid(),
  case_id: z.uuid(),
  kind: z.enum(CALL_CAMPAIGN_KINDS),
  title: ApiBilingualSchema,
  ask: ApiBilingualSchema,
  script: ApiBilingualSchema,
  open: z.boolean(),
  public: z.boolean(),
  created_date: z.string(),
  modified_date: z.string(),
});
const ApiListItemSchema = ApiCallCampaignSchema.omit({ script: true }).extend({
  person_display_name: z.string(),
  targets: z.int(),
  calls: z.int().describe("Calls counted so far"),
});
const ApiTargetSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  phones: z.array(z.string()),
  address: z.string().nullable(),
  hours: z.string().nullable(),
});
const ApiDetailSchema = ApiCallCampaignSchema.extend({
  targets: z.array(ApiTargetSchema),
  calls: z.int(),
});
const ApiCountsSchema = z.object({
  total: z.int(),
  days: z.array(z.object({ day: z.string(), count: z.int() })),
});
const ApiRecordCallsSchema = z
  .object({
    count: z.int().min(1).max(MAX_REPORTED_CALLS).describe("Calls made"),
    day: z
      .string()
      .refine(isValidDate, "invalid_date")
      .optional()
      .describe("YYYY-MM-DD; today in the organization's time zone when left out"),
  })
  .strict();
const ApiRecordedSchema = z.object({ day: z.string(), day_count: z.int(), total: z.int() });

const apiFieldName = apiFieldPath({
  caseId: "case_id",
  titleEs: "title.es",
  titleEn: "title.en",
  askEs: "ask.es",
  askEn: "ask.en",
  scriptEs: "script.es",
  scriptEn: "script.en",
});

function toApi(c: CallCampaign) {
  return {
    id: c.id,
    case_id: c.caseId,
    kind: c.kind,
    title: c.title,
    ask: c.ask,
    script: c.script,
    open: c.open,
    public: c.public,
    created_date: c.createdAt.toISOString(),
    modified_date: c.updatedAt.toISOString(),
  };
}

advocacyApi.openapi(
  route.get("/api/v1/call-campaigns", "advocacy.read", {
    summary: "List call-in and visit campaigns, newest first; search titles or the person's name",
    request: {
      query: z.object({ q: searchParam, case_id: z.string().optional() }),
    },
    responses: {
      200: jsonResponse("Campaigns", z.object({ call_campaigns: z.array(ApiListItemSchema) })),
    },
  }),
  async (c) => {
    const caseId = c.req.query("case_id")?.toLowerCase();
    const items = await listCallCampaigns(c.var.deps.db, c.var.actor.orgId, {
      q: searchQuery(c.req.query("q")),
      caseId,
    });
    return c.json(
      {
        call_campaigns: items.map((item) => {
          const { script: _script, ...shown } = toApi(item);
          return {
            ...shown,
            person_display_name: item.personDisplayName,
            targets: item.targets,
            calls: item.calls,
          };
        }),
      },
      200,
    );
  },
);

advocacyApi.openapi(
  route.create(
    "/api/v1/call-campaigns",
    "advocacy.write",
    "Create a call-in or visit campaign for a case (targets are added on its page)",
    ApiCallCampaignInputSchema,
    ApiCallCampaignSchema,
  ),
  async (c) => {
    const body = c.req.valid("json");
    const fields = validateApiInput(
      CallCampaignFieldsSchema,
      {
        caseId: body.case_id.toLowerCase(),
        kind: body.kind,
        titleEs: body.title.es ?? "",
        titleEn: body.title.en ?? "",
        askEs: body.ask.es ?? "",
        askEn: body.ask.en ?? "",
        scriptEs: body.script.es ?? "",
        scriptEn: body.script.en ?? "",
        open: body.open,
        public: body.public,
      },
      apiFieldName,
    );
    const created = await createCallCampaign(c.var.deps, c.var.actor, fields).catch(
      withApiFieldNames(apiFieldName),
    );
    return c.json(toApi(created), 201);
  },
);

advocacyApi.openapi(
  route.onId(
    "get",
    "/api/v1/call-campaigns/{id}",
    "advocacy.read",
    "Get a campaign with its targets and its total of calls",
    { 200: jsonResponse("The campaign", ApiDetailSchema) },
  ),
  async (c) => {
    const campaign = await foundById(c, getCallCampaign);
    const { db } = c.var.deps;
    const { orgId } = c.var.actor;
    const targets = await listTargets(db, orgId, campaign.id);
    return c.json(
      {
        ...toApi(campaign),
        targets: targets.map((t) => ({
          id: t.id,
          kind: t.kind,
          name: t.name,
          phones: t.phones,
          address: t.address,
          hours: t.hours,
        })),
        calls: await totalCalls(db, orgId, campaign.id),
      },
      200,
    );
  },
);

advocacyApi.openapi(
  route.get("/api/v1/call-campaigns/{id}/calls", "advocacy.read", {
    summary: "Calls counted: the total and each of the last `days` days (default 14, at most 366)",
    request: { ...withId, query: z.object({ days: z.string().optional() }) },
    responses: { 200: jsonResponse("Counts", ApiCountsSchema) },
  }),
  async (c) => {
    const campaign = await foundById(c, getCallCampaign);
    const { db } = c.var.deps;
    const { orgId } = c.var.actor;
    const asked = Number.parseInt(c.req.query("days") ?? "14", 10);
    const n = Number.isSafeInteger(asked) && asked >= 1 ? Math.min(asked, 366) : 14;
    const days = daysEnding(dayInZone(new Date(), await orgTimeZone(db, orgId)), n);
    return c.json(
      {
        total: await totalCalls(db, orgId, campaign.id),
        days: fillDays(days, await callsOnDays(db, orgId, campaign.id, days)),
      },
      200,
    );
  },
);

advocacyApi.openapi(
  route.post("/api/v1/call-campaigns/{id}/calls", "advocacy.write", {
    summary: "Record calls the team made (a phone bank's tally): counts only, never who called",
    request: withIdAndBody(ApiRecordCallsSchema),
    responses: { 201: jsonResponse("Recorded", ApiRecordedSchema) },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const id = requireUuidParam(c);
    const recorded = await recordCalls(c.var.deps, c.var.actor, {
      campaignId: id,
      count: body.count,
      day: body.day ?? null,
    });
    const total = await totalCalls(c.var.deps.db, c.var.actor.orgId, id);
    return c.json({ day: recorded.day, day_count: recorded.dayCount, total }, 201);
  },
);
