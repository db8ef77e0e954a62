import { z } from "zod";
import {
  jsonBody,
  jsonResponse,
  refused,
  tokenApiRouter,
  validateApiInput,
} from "../../../platform/api-router";
import { pageEnvelope, pagingParams, withId, withIdAndBody } from "../../../platform/api-routes";
import { AppError } from "../../../platform/errors";
import { type AppContext, requireUuidParam } from "../../../platform/http";
import { postBond } from "../bonds/post-bond";
import { CampaignFieldsSchema } from "../campaign";
import { campaignHint, getCampaign } from "../campaigns/campaign-record";
import { totalsForCampaigns } from "../campaigns/campaign-totals";
import { createCampaign } from "../campaigns/create-campaign";
import { updateCampaign } from "../campaigns/update-campaign";
import { approveDisbursement } from "../disbursements/approve-disbursement";
import { payDisbursement } from "../disbursements/pay-disbursement";
import { requestDisbursement } from "../disbursements/request-disbursement";
import { recordDonation } from "../gifts/record-donation";
import {
  entryCursor,
  ledgerEntries,
  ledgerEntriesAfter,
  parseEntryCursor,
} from "../ledger/ledger-page";
import { ledgerSums } from "../ledger/ledger-totals";
import {
  ApiBondInputSchema,
  ApiBondSchema,
  ApiCampaignInputSchema,
  ApiCampaignPatchSchema,
  ApiCampaignSchema,
  ApiDisbursementInputSchema,
  ApiDisbursementSchema,
  ApiDonationInputSchema,
  ApiDonationSchema,
  ApiLedgerSchema,
  ApiPayInputSchema,
  apiFieldNames,
  apiToCampaignFields,
  bondToApi,
  campaignToApi,
  campaignToFields,
  disbursementToApi,
  fundsFieldPath,
  giftToApi,
  ledgerEntryToApi,
} from "./funds.api-schema";
import "../funds.errors";
import { moneyOut, plausible, requireCampaign, route, stepRoute } from "./funds-api-parts";

export const fundsApi = tokenApiRouter(
  "/api/v1/campaigns",
  "/api/v1/campaigns/*",
  "/api/v1/disbursements/*",
);

const campaignFields = (input: Record<string, unknown>) =>
  validateApiInput(CampaignFieldsSchema, input, fundsFieldPath);

async function campaignJson(c: AppContext, id: string) {
  const { orgId } = c.var.actor;
  const db = c.var.deps.db;
  const campaign = await getCampaign(db, orgId, id);
  const totals = campaign && (await totalsForCampaigns(db, orgId, [campaign])).get(campaign.id);
  if (!campaign || !totals) throw new AppError("not_found");
  return campaignToApi(campaign, totals);
}

fundsApi.openapi(
  route.create(
    "/api/v1/campaigns",
    "funds.manage",
    "Create a fundraising campaign",
    ApiCampaignInputSchema,
    ApiCampaignSchema,
  ),
  async (c) => {
    const fields = campaignFields(apiToCampaignFields(c.req.valid("json")));
    const created = await createCampaign(c.var.deps, c.var.actor, fields).catch(apiFieldNames);
    return c.json(await campaignJson(c, created.id), 201);
  },
);

fundsApi.openapi(
  route.onId(
    "get",
    "/api/v1/campaigns/{id}",
    "funds.read",
    "Get a campaign with its totals, computed from the ledger",
    { 200: jsonResponse("The campaign", ApiCampaignSchema) },
  ),
  async (c) => c.json(await campaignJson(c, requireUuidParam(c)), 200),
);

fundsApi.openapi(
  route.patch("/api/v1/campaigns/{id}", "funds.manage", {
    summary: "Change some fields of a campaign (the currency only while it has no movements)",
    request: withIdAndBody(ApiCampaignPatchSchema),
    responses: { 200: jsonResponse("The updated campaign", ApiCampaignSchema) },
  }),
  async (c) => {
    const current = await requireCampaign(c);
    const sent = apiToCampaignFields(c.req.valid("json"));
    const fields = campaignFields({ ...campaignToFields(current), ...sent });
    await updateCampaign(c.var.deps, c.var.actor, current.id, fields).catch(apiFieldNames);
    return c.json(await campaignJson(c, current.id), 200);
  },
);

const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/);

fundsApi.openapi(
  route.post("/api/v1/campaigns/{id}/donations", "funds.gifts", {
    summary:
      "Record a gift; the same Idempotency-Key or (source, external_id) never makes a second one",
    request: {
      ...withId,
      // Documented here, checked in the handler (after the campaign: an unknown one is 404).
      headers: z.object({
        "Idempotency-Key": z
          .string()
          .optional()
          .describe(
            "1 to 200 visible ASCII characters. A replay answers 200 with the first gift and Idempotent-Replayed: true",
          ),
      }),
      body: jsonBody(ApiDonationInputSchema),
    },
    responses: {
      200: jsonResponse("A replay: the gift the first request made", ApiDonationSchema),
      201: jsonResponse("Recorded", ApiDonationSchema),
      422: refused(
        "The Idempotency-Key was used for a different gift (another campaign or other fields): idempotency_key_reused",
      ),
    },
  }),
  async (c) => {
    // A campaign this process has read before is not read again: the gift statement checks
    // it (record-donation.ts reads it afresh when the hint is out of date; decision 102).
    const hint = campaignHint(c.var.actor.orgId, c.req.param("id"));
    const campaign = hint ?? (await requireCampaign(c));
    const header = c.req.header("idempotency-key");
    if (header !== undefined && !IdempotencyKey.safeParse(header).success) {
      throw new AppError("validation_failed", { "Idempotency-Key": "invalid" });
    }
    const body = c.req.valid("json");
    const result = await recordDonation(c.var.deps, c.var.actor, {
      campaignId: campaign.id,
      campaign,
      campaignIsHint: hint !== null,
      amountCents: body.amount_cents,
      currency: body.currency ?? null,
      method: body.method,
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
    return result.replayed
      ? c.json(giftToApi(result.gift), 200)
      : c.json(giftToApi(result.gift), 201);
  },
);

// Query strings are forgiving (a bad page falls back to the first): documented, not refused.
const Paging = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  per_page: z.coerce.number().int().min(1).max(500).catch(100),
});
const PagingDoc = z.object(pagingParams("1 to 500; default 100"));
const LedgerPagingDoc = PagingDoc.extend({
  cursor: z
    .string()
    .optional()
    .describe(
      "next_cursor of the previous answer: the entries after it, at the same speed however deep in the ledger (page is then ignored). Deep page numbers read the ledger's index up to the page; cursors don't.",
    ),
});

fundsApi.openapi(
  route.get("/api/v1/campaigns/{id}/ledger", "funds.read", {
    summary: "List the campaign's ledger entries, oldest first",
    request: { ...withId, query: LedgerPagingDoc },
    responses: { 200: jsonResponse("Entries", ApiLedgerSchema) },
  }),
  async (c) => {
    const campaign = await requireCampaign(c);
    const { page, per_page } = Paging.parse(c.req.query());
    const { db } = c.var.deps;
    const { orgId } = c.var.actor;
    const sums = (await ledgerSums(db, orgId, [campaign.id])).get(campaign.id) ?? [];
    const total = sums.reduce((n, s) => n + s.positive + s.negative, 0);
    const cursor = parseEntryCursor(c.req.query("cursor"));
    const rows = cursor
      ? await ledgerEntriesAfter(db, orgId, campaign.id, cursor, per_page)
      : await ledgerEntries(db, orgId, campaign.id, {
          offset: (page - 1) * per_page,
          limit: per_page,
          total,
        });
    const last = rows[rows.length - 1];
    return c.json(
      {
        campaign_id: campaign.id,
        currency: campaign.currency,
        entries: rows.map(ledgerEntryToApi),
        ...pageEnvelope({ page, perPage: per_page, total }),
        next_cursor: last && rows.length === per_page ? entryCursor(last) : null,
      },
      200,
    );
  },
);

fundsApi.openapi(
  route.post("/api/v1/campaigns/{id}/disbursements", "funds.manage", {
    summary: "Request a payment out of the campaign",
    request: withIdAndBody(ApiDisbursementInputSchema),
    responses: { 201: jsonResponse("Requested", ApiDisbursementSchema) },
  }),
  async (c) => {
    const campaign = await requireCampaign(c);
    const body = c.req.valid("json");
    const created = await requestDisbursement(c.var.deps, c.var.actor, {
      ...moneyOut(campaign, body),
      payee: body.payee,
      purpose: body.purpose,
      memo: body.memo ?? null,
    }).catch(apiFieldNames);
    return c.json(disbursementToApi(created), 201);
  },
);

fundsApi.openapi(
  stepRoute(
    "/api/v1/disbursements/{id}/approve",
    "funds.approve",
    "Approve a requested payment (above the threshold, not by its requester)",
    z.strictObject({}),
    {
      200: jsonResponse("Approved", ApiDisbursementSchema),
      403: refused("self_approval: above the threshold the approver must be someone else"),
      409: refused("wrong_status: it is not waiting for approval"),
    },
  ),
  async (c) => {
    const approved = await approveDisbursement(c.var.deps, c.var.actor, requireUuidParam(c));
    return c.json(disbursementToApi(approved), 200);
  },
);

fundsApi.openapi(
  stepRoute(
    "/api/v1/disbursements/{id}/pay",
    "funds.approve",
    "Pay an approved payment; refused beyond the available balance",
    ApiPayInputSchema,
    {
      200: jsonResponse("Paid", ApiDisbursementSchema),
      409: refused("insufficient_funds, or wrong_status"),
    },
  ),
  async (c) => {
    const id = requireUuidParam(c);
    const body = c.req.valid("json");
    const paid = await payDisbursement(c.var.deps, c.var.actor, id, {
      paidAt: plausible(body.paid_at, "paid_at"),
    });
    return c.json(disbursementToApi(paid), 200);
  },
);

fundsApi.openapi(
  route.post("/api/v1/campaigns/{id}/bonds", "funds.manage", {
    summary: "Record a bond posted from the fund",
    request: withIdAndBody(ApiBondInputSchema),
    responses: {
      201: jsonResponse("Posted", ApiBondSchema),
      409: refused("insufficient_funds"),
    },
  }),
  async (c) => {
    const campaign = await requireCampaign(c);
    const body = c.req.valid("json");
    const bond = await postBond(c.var.deps, c.var.actor, {
      ...moneyOut(campaign, body),
      postedAt: plausible(body.posted_at, "posted_at"),
      memo: body.memo ?? null,
    }).catch(apiFieldNames);
    return c.json(bondToApi(bond), 201);
  },
);
