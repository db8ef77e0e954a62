import { type Context, Hono } from "hono";
import { z } from "zod";
import { type ApiEnv, readJson, requireToken } from "../../platform/api";
import { AppError, fieldsFromZod } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import type { ApiOperation } from "../../platform/openapi";
import { requirePermission } from "../../platform/permissions";
import { approveDisbursement } from "./approve-disbursement";
import { CampaignFieldsSchema } from "./campaign";
import { getCampaign } from "./campaign-record";
import { getCampaignTotals } from "./campaign-totals";
import { createCampaign } from "./create-campaign";
import { forfeitBond } from "./forfeit-bond";
import {
  ApiBondForfeitSchema,
  ApiBondInputSchema,
  ApiBondReturnSchema,
  ApiBondSchema,
  ApiCampaignInputSchema,
  ApiCampaignPatchSchema,
  ApiCampaignSchema,
  ApiDisbursementInputSchema,
  ApiDisbursementSchema,
  ApiDonationInputSchema,
  ApiDonationSchema,
  ApiErrorSchema,
  ApiLedgerSchema,
  ApiPayInputSchema,
  apiFieldNames,
  apiToCampaignFields,
  bondToApi,
  campaignToApi,
  campaignToFields,
  disbursementToApi,
  giftToApi,
  ledgerLineToApi,
} from "./funds.api-schema";
import type { DisbursementPurpose, GiftMethod } from "./funds.schema";
import { loadLedger } from "./ledger-store";
import { payDisbursement } from "./pay-disbursement";
import { postBond } from "./post-bond";
import { recordDonation } from "./record-donation";
import { requestDisbursement } from "./request-disbursement";
import { returnBond } from "./return-bond";
import { updateCampaign } from "./update-campaign";

export const fundsApi = new Hono<ApiEnv>();
for (const path of ["/api/v1/campaigns", "/api/v1/campaigns/*", "/api/v1/disbursements/*"]) {
  fundsApi.use(path, requireToken);
}
fundsApi.use("/api/v1/bonds/*", requireToken);

type Ctx = Context<ApiEnv>;

/** Action endpoints take an optional body: nothing at all means `{}`. */
async function readOptionalJson<S extends z.ZodType>(c: Ctx, schema: S): Promise<z.infer<S>> {
  const body = await c.req.text();
  return readJson({ req: { text: async () => (body.trim() ? body : "{}") } }, schema);
}

function campaignFields(input: Record<string, unknown>) {
  const parsed = CampaignFieldsSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  return apiFieldNames(new AppError("validation_failed", fieldsFromZod(parsed.error)));
}

const date = (value: string | undefined) => (value ? new Date(value) : null);

/** A date a person could mean: not before 2000, not more than a day ahead. */
function plausible(value: string | undefined, field: string): Date | null {
  const d = date(value);
  if (d && (d.getTime() < Date.UTC(2000, 0, 1) || d.getTime() > Date.now() + 86_400_000)) {
    throw new AppError("validation_failed", { [field]: "invalid_date" });
  }
  return d;
}

async function requireCampaign(c: Ctx) {
  const actor = c.get("actor");
  const campaign = await getCampaign(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return campaign;
}

async function campaignJson(c: Ctx, id: string) {
  const actor = c.get("actor");
  const db = c.get("deps").db;
  const [campaign, totals] = [
    await getCampaign(db, actor.orgId, id),
    await getCampaignTotals(db, actor.orgId, id),
  ];
  if (!campaign || !totals) throw new AppError("not_found");
  return campaignToApi(campaign, totals);
}

fundsApi.post("/api/v1/campaigns", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const body = await readJson(c, ApiCampaignInputSchema);
  const created = await createCampaign(
    c.get("deps"),
    actor,
    campaignFields(apiToCampaignFields(body)),
  ).catch(apiFieldNames);
  return c.json(await campaignJson(c, created.id), 201);
});

fundsApi.get("/api/v1/campaigns/:id", async (c) => {
  requirePermission(c.get("actor").role, "funds.read");
  return c.json(await campaignJson(c, requireUuidParam(c)));
});

fundsApi.patch("/api/v1/campaigns/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const current = await requireCampaign(c);
  const body = await readJson(c, ApiCampaignPatchSchema);
  const fields = campaignFields({ ...campaignToFields(current), ...apiToCampaignFields(body) });
  await updateCampaign(c.get("deps"), actor, current.id, fields).catch(apiFieldNames);
  return c.json(await campaignJson(c, current.id));
});

const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/);

fundsApi.post("/api/v1/campaigns/:id/donations", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.gifts");
  const campaign = await requireCampaign(c);
  const header = c.req.header("idempotency-key");
  if (header !== undefined && !IdempotencyKey.safeParse(header).success) {
    throw new AppError("validation_failed", { "Idempotency-Key": "invalid" });
  }
  const body = await readJson(c, ApiDonationInputSchema);
  const result = await recordDonation(c.get("deps"), actor, {
    campaignId: campaign.id,
    amountCents: body.amount_cents,
    currency: body.currency ?? null,
    method: body.method as GiftMethod,
    receivedAt: plausible(body.received_at, "received_at"),
    donorName: body.donor_name?.trim() || null,
    anonymous: body.anonymous ?? true,
    source: body.source ?? "api",
    externalId: body.external_id ?? null,
    idempotencyKey: header ?? null,
    eventNote: body.event_note?.trim() || null,
    memo: body.memo?.trim() || null,
  }).catch(apiFieldNames);
  if (result.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(giftToApi(result.gift), result.replayed ? 200 : 201);
});

const Paging = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  per_page: z.coerce.number().int().min(1).max(500).catch(100),
});

fundsApi.get("/api/v1/campaigns/:id/ledger", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.read");
  const campaign = await requireCampaign(c);
  const { page, per_page } = Paging.parse(c.req.query());
  const entries = (await loadLedger(c.get("deps").db, actor.orgId, [campaign])).flatMap(
    ledgerLineToApi,
  );
  return c.json({
    campaign_id: campaign.id,
    currency: campaign.currency,
    entries: entries.slice((page - 1) * per_page, page * per_page),
    page,
    per_page,
    total_records: entries.length,
  });
});

fundsApi.post("/api/v1/campaigns/:id/disbursements", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const campaign = await requireCampaign(c);
  const body = await readJson(c, ApiDisbursementInputSchema);
  const created = await requestDisbursement(c.get("deps"), actor, {
    campaignId: campaign.id,
    amountCents: body.amount_cents,
    currency: body.currency ?? null,
    payee: body.payee,
    purpose: body.purpose as DisbursementPurpose,
    memo: body.memo ?? null,
  }).catch(apiFieldNames);
  return c.json(disbursementToApi(created), 201);
});

fundsApi.post("/api/v1/disbursements/:id/approve", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.approve");
  const id = requireUuidParam(c);
  await readOptionalJson(c, z.strictObject({}));
  return c.json(disbursementToApi(await approveDisbursement(c.get("deps"), actor, id)));
});

fundsApi.post("/api/v1/disbursements/:id/pay", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.approve");
  const id = requireUuidParam(c);
  const body = await readOptionalJson(c, ApiPayInputSchema);
  const paid = await payDisbursement(c.get("deps"), actor, id, {
    paidAt: plausible(body.paid_at, "paid_at"),
  });
  return c.json(disbursementToApi(paid));
});

fundsApi.post("/api/v1/campaigns/:id/bonds", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const campaign = await requireCampaign(c);
  const body = await readJson(c, ApiBondInputSchema);
  const bond = await postBond(c.get("deps"), actor, {
    campaignId: campaign.id,
    amountCents: body.amount_cents,
    currency: body.currency ?? null,
    postedAt: plausible(body.posted_at, "posted_at"),
    memo: body.memo ?? null,
  }).catch(apiFieldNames);
  return c.json(bondToApi(bond), 201);
});

fundsApi.post("/api/v1/bonds/:id/return", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const id = requireUuidParam(c);
  const body = await readOptionalJson(c, ApiBondReturnSchema);
  const bond = await returnBond(c.get("deps"), actor, id, {
    interestCents: body.interest_cents ?? 0,
    returnedAt: plausible(body.returned_at, "returned_at"),
    memo: body.memo ?? null,
  }).catch(apiFieldNames);
  return c.json(bondToApi(bond));
});

fundsApi.post("/api/v1/bonds/:id/forfeit", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const id = requireUuidParam(c);
  const body = await readOptionalJson(c, ApiBondForfeitSchema);
  const bond = await forfeitBond(c.get("deps"), actor, id, {
    forfeitedAt: plausible(body.forfeited_at, "forfeited_at"),
    memo: body.memo ?? null,
  });
  return c.json(bondToApi(bond));
});

const idParam = { name: "id", in: "path" as const, schema: z.uuid() };
const tags = ["funds"];
const refused = (description: string) => ({ description, schema: ApiErrorSchema });
export const fundsOpenApi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/campaigns",
    summary: "Create a fundraising campaign",
    tags,
    body: ApiCampaignInputSchema,
    responses: { "201": { description: "Created", schema: ApiCampaignSchema } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}",
    summary: "Get a campaign with its totals, computed from the ledger",
    tags,
    params: [idParam],
    responses: { "200": { description: "The campaign", schema: ApiCampaignSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/campaigns/{id}",
    summary: "Change some fields of a campaign (the currency only while it has no movements)",
    tags,
    params: [idParam],
    body: ApiCampaignPatchSchema,
    responses: { "200": { description: "The updated campaign", schema: ApiCampaignSchema } },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/donations",
    summary:
      "Record a gift; the same Idempotency-Key or (source, external_id) never makes a second one",
    tags,
    params: [
      idParam,
      {
        name: "Idempotency-Key",
        in: "header",
        schema: IdempotencyKey,
        description: "A replay answers 200 with the first gift and Idempotent-Replayed: true",
      },
    ],
    body: ApiDonationInputSchema,
    responses: {
      "200": {
        description: "A replay: the gift the first request made",
        schema: ApiDonationSchema,
      },
      "201": { description: "Recorded", schema: ApiDonationSchema },
      "409": refused("The Idempotency-Key was used for a gift to another campaign"),
    },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/ledger",
    summary: "List the campaign's ledger entries, oldest first",
    tags,
    params: [
      idParam,
      { name: "page", in: "query", schema: z.int().min(1) },
      { name: "per_page", in: "query", schema: z.int().min(1).max(500) },
    ],
    responses: { "200": { description: "Entries", schema: ApiLedgerSchema } },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/disbursements",
    summary: "Request a payment out of the campaign",
    tags,
    params: [idParam],
    body: ApiDisbursementInputSchema,
    responses: { "201": { description: "Requested", schema: ApiDisbursementSchema } },
  },
  {
    method: "post",
    path: "/api/v1/disbursements/{id}/approve",
    summary: "Approve a requested payment (above the threshold, not by its requester)",
    tags,
    params: [idParam],
    responses: {
      "200": { description: "Approved", schema: ApiDisbursementSchema },
      "403": refused("self_approval: above the threshold the approver must be someone else"),
      "409": refused("wrong_status: it is not waiting for approval"),
    },
  },
  {
    method: "post",
    path: "/api/v1/disbursements/{id}/pay",
    summary: "Pay an approved payment; refused beyond the available balance",
    tags,
    params: [idParam],
    body: ApiPayInputSchema,
    responses: {
      "200": { description: "Paid", schema: ApiDisbursementSchema },
      "409": refused("insufficient_funds, or wrong_status"),
    },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/bonds",
    summary: "Record a bond posted from the fund",
    tags,
    params: [idParam],
    body: ApiBondInputSchema,
    responses: {
      "201": { description: "Posted", schema: ApiBondSchema },
      "409": refused("insufficient_funds"),
    },
  },
  {
    method: "post",
    path: "/api/v1/bonds/{id}/return",
    summary: "Record a bond returned, with any interest",
    tags,
    params: [idParam],
    body: ApiBondReturnSchema,
    responses: {
      "200": { description: "Returned", schema: ApiBondSchema },
      "409": refused("bond_settled: already returned or forfeited"),
    },
  },
  {
    method: "post",
    path: "/api/v1/bonds/{id}/forfeit",
    summary: "Record a bond forfeited",
    tags,
    params: [idParam],
    body: ApiBondForfeitSchema,
    responses: {
      "200": { description: "Forfeited", schema: ApiBondSchema },
      "409": refused("bond_settled: already returned or forfeited"),
    },
  },
];
