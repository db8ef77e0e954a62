import { z } from "zod";
import { jsonBody, jsonResponse, tokenApiRouter } from "../../platform/api-router";
import { apiRoutes, withIdAndBody } from "../../platform/api-routes";
import { requireUuidParam } from "../../platform/http";
import { approveBroadcast } from "./approve-broadcast";
import { BroadcastInputSchema } from "./broadcast";
import { maskContact } from "./contact-point";
import { createBroadcast } from "./create-broadcast";
import { listOutbox } from "./outbox-list";
import { ConsentInputSchema, recordConsent } from "./record-consent";
import { sendBroadcast } from "./send-broadcast";
import { setSendWindow } from "./set-send-window";

// The messaging JSON API (contract in issue 12): consent, broadcasts, quiet hours, outbox.

// /api/v1/people/* has its bearer-token check from the people API (mounted first).
export const messagingApi = tokenApiRouter(
  "/api/v1/broadcasts",
  "/api/v1/broadcasts/*",
  "/api/v1/organization",
  "/api/v1/outbox",
);
const route = apiRoutes("messaging");

const ConsentSchema = z.object({
  id: z.string(),
  person_id: z.string(),
  channel: z.enum(["email", "sms"]),
  contact: z.string().describe("Normalized: lower-case email or E.164 phone"),
  purpose: z.string(),
  action: z.string(),
  source: z.string(),
});

messagingApi.openapi(
  route.post("/api/v1/people/{id}/consents", "messaging.consent", {
    summary: "Record consent (grant or revoke) for one of a person's contact points",
    request: withIdAndBody(ConsentInputSchema),
    responses: { 201: jsonResponse("Recorded (append-only)", ConsentSchema) },
  }),
  async (c) => {
    const personId = requireUuidParam(c);
    const input = c.req.valid("json");
    const { id, point } = await recordConsent(c.var.deps, c.var.actor, personId, input);
    return c.json(
      {
        id,
        person_id: personId,
        channel: point.channel,
        contact: point.address,
        purpose: input.purpose,
        action: input.action,
        source: input.source,
      },
      201,
    );
  },
);

const ExcludedSchema = z.object({ no_consent: z.int(), stopped: z.int(), no_contact: z.int() });
const PreviewSchema = z.object({ id: z.string(), recipients: z.int(), excluded: ExcludedSchema });

messagingApi.openapi(
  route.post("/api/v1/broadcasts", "messaging.broadcast", {
    summary: "Create a broadcast and preview who receives it (nothing is sent)",
    request: { body: jsonBody(BroadcastInputSchema) },
    responses: { 201: jsonResponse("Draft with its preview", PreviewSchema) },
  }),
  async (c) => {
    const preview = await createBroadcast(c.var.deps, c.var.actor, c.req.valid("json"));
    return c.json(preview, 201);
  },
);

messagingApi.openapi(
  route.onId(
    "post",
    "/api/v1/broadcasts/{id}/send",
    "messaging.broadcast",
    "Queue a broadcast (409 approval_required above the organization's size limit)",
    {
      202: jsonResponse("Queued in the outbox", z.object({ id: z.string(), queued: z.int() })),
      409: jsonResponse(
        "approval_required: a second organizer must approve first",
        z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
      ),
    },
  ),
  async (c) => {
    const result = await sendBroadcast(c.var.deps, c.var.actor, requireUuidParam(c));
    return c.json(result, 202);
  },
);

messagingApi.openapi(
  route.onId(
    "post",
    "/api/v1/broadcasts/{id}/approve",
    "messaging.approve",
    "Approve a large broadcast (an organizer other than its author)",
    { 200: jsonResponse("Approved", z.object({ id: z.string(), approved: z.boolean() })) },
  ),
  async (c) => {
    const id = requireUuidParam(c);
    await approveBroadcast(c.var.deps, c.var.actor, id);
    return c.json({ id, approved: true }, 200);
  },
);

const Clock = z.string("wrong_type").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid_clock");
const OrganizationPatchSchema = z.strictObject({
  quiet_hours: z
    .strictObject({ start: Clock, end: Clock })
    .nullable()
    .describe(
      "The hours messages may go out, in each recipient's zone (else the organization's); null: any time",
    ),
});

messagingApi.openapi(
  route.patch("/api/v1/organization", "messaging.settings", {
    summary: "Change the organization's messaging settings (quiet hours)",
    request: { body: jsonBody(OrganizationPatchSchema) },
    responses: { 200: jsonResponse("Saved", OrganizationPatchSchema) },
  }),
  async (c) => {
    const { quiet_hours } = c.req.valid("json");
    await setSendWindow(c.var.deps, c.var.actor, quiet_hours);
    return c.json({ quiet_hours }, 200);
  },
);

const OutboxItemSchema = z.object({
  id: z.string(),
  purpose: z.string(),
  channel: z.enum(["email", "sms"]),
  to: z.string().describe("Masked contact point"),
  person_id: z.string().nullable(),
  language: z.enum(["es", "en"]),
  status: z.enum(["queued", "sending", "sent", "failed", "cancelled"]),
  attempts: z.int(),
  outcome: z.string().nullable(),
  send_after: z.string(),
  sent_at: z.string().nullable(),
  created_at: z.string(),
  delivery_status: z
    .enum(["sent", "delivered", "undelivered", "failed"])
    .nullable()
    .describe("What the SMS provider reported after sending (status callback)"),
  delivery_error: z.string().nullable().describe("The provider's error code, e.g. 30006"),
});

messagingApi.openapi(
  route.get("/api/v1/outbox", "messaging.outbox", {
    summary: "Messages in the outbox, newest first (organizers)",
    request: {
      query: z.object({
        status: z
          .enum(["queued", "sending", "sent", "failed", "cancelled"], "invalid_choice")
          .optional(),
        page: z.coerce.number("wrong_type").int().min(1).max(10_000).optional(),
      }),
    },
    responses: {
      200: jsonResponse(
        "A page of messages",
        z.object({ messages: z.array(OutboxItemSchema), page: z.int(), total_records: z.int() }),
      ),
    },
  }),
  async (c) => {
    const { status, page = 1 } = c.req.valid("query");
    const perPage = 100;
    const { items, total } = await listOutbox(c.var.deps.db, c.var.actor.orgId, {
      status,
      limit: perPage,
      offset: (page - 1) * perPage,
    });
    return c.json(
      {
        messages: items.map((m) => ({
          id: m.id,
          purpose: m.purpose,
          channel: m.channel,
          to: maskContact({ channel: m.channel, address: m.address }),
          person_id: m.personId,
          language: m.language,
          status: m.status,
          attempts: m.attempts,
          outcome: m.outcome,
          send_after: m.sendAfter.toISOString(),
          sent_at: m.sentAt?.toISOString() ?? null,
          created_at: m.createdAt.toISOString(),
          delivery_status: m.deliveryStatus,
          delivery_error: m.deliveryError,
        })),
        page,
        total_records: total,
      },
      200,
    );
  },
);
