import type { z } from "zod";
import {
  apiFieldPath,
  jsonResponse,
  tokenApiRouter,
  validateApiInput,
  withApiFieldNames,
} from "../../platform/api-router";
import { apiRoutes, foundById, withIdAndBody } from "../../platform/api-routes";
import { AppError } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import { isUuid } from "../../platform/ids";
import { addNeed } from "./add-need";
import { createDrive } from "./create-drive";
import { createPledge } from "./create-pledge";
import { DriveFieldsSchema, MovementFieldsSchema, NeedFieldsSchema } from "./drive";
import { loadNeedFigures, type NeedWithFigures } from "./drive-figures";
import { getDrive } from "./drive-record";
import { toUnits } from "./quantity";
import { recordMovement } from "./record-movement";
import {
  API_FIELD,
  ApiCreatedSchema,
  ApiDriveInputSchema,
  ApiDriveSchema,
  ApiMovementInputSchema,
  ApiMovementSchema,
  ApiNeedInputSchema,
  ApiPledgeInputSchema,
  ApiPledgeSchema,
} from "./supplies.api-schema";

// /api/v1/drives: the contract of issue 11. Bodies are snake_case; the domain's checks
// run after the OpenAPI shape check, and their field names are mapped back.

export const suppliesApi = tokenApiRouter("/api/v1/drives", "/api/v1/drives/*");

const route = apiRoutes("supplies");

/** The domain's camelCase field paths as the API names them. */
const apiFieldName = apiFieldPath(API_FIELD);
const rethrow = withApiFieldNames(apiFieldName);
/** The domain's checks of what a body was turned into, failing under the API's names. */
const validate = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> =>
  validateApiInput(schema, input, apiFieldName);

function needToApi(n: NeedWithFigures) {
  const f = n.figures;
  return {
    id: n.id,
    item: n.item,
    unit: n.unit,
    size: n.variant,
    urgent: n.urgent,
    needed: toUnits(f.needed),
    pledged: toUnits(f.pledged),
    received: toUnits(f.received),
    delivered: toUnits(f.delivered),
    discarded: toUnits(f.discarded),
    on_hand: toUnits(f.onHand),
    still_needed: toUnits(f.stillNeeded),
  };
}

suppliesApi.openapi(
  route.create(
    "/api/v1/drives",
    "supplies.manage",
    "Create a supply drive",
    ApiDriveInputSchema,
    ApiCreatedSchema,
  ),
  async (c) => {
    const body = c.req.valid("json");
    const fields = validate(DriveFieldsSchema, {
      slug: body.slug,
      title: body.title,
      description: body.description,
      public: body.public,
      open: body.open,
      startsOn: body.starts_on ?? null,
      endsOn: body.ends_on ?? null,
    });
    const drive = await createDrive(c.var.deps, c.var.actor, fields).catch(rethrow);
    return c.json({ id: drive.id }, 201);
  },
);

suppliesApi.openapi(
  route.onId(
    "get",
    "/api/v1/drives/{id}",
    "supplies.read",
    "A drive with every need's needed, pledged, received, delivered and still needed",
    { 200: jsonResponse("The drive", ApiDriveSchema) },
  ),
  async (c) => {
    const drive = await foundById(c, getDrive);
    const needs = await loadNeedFigures(c.var.deps.db, c.var.actor.orgId, drive.id, new Date());
    return c.json(
      {
        id: drive.id,
        slug: drive.slug,
        title: drive.title,
        public: drive.public,
        open: drive.open,
        starts_on: drive.startsOn,
        ends_on: drive.endsOn,
        needs: needs.map(needToApi),
      },
      200,
    );
  },
);

suppliesApi.openapi(
  route.post("/api/v1/drives/{id}/needs", "supplies.manage", {
    summary: "Add a need to a drive (the item is found in, or added to, the catalog)",
    request: withIdAndBody(ApiNeedInputSchema),
    responses: { 201: jsonResponse("Created", ApiCreatedSchema) },
  }),
  async (c) => {
    const driveId = requireUuidParam(c);
    const body = c.req.valid("json");
    const fields = validate(NeedFieldsSchema, {
      item: body.item,
      unit: body.unit,
      quantity: body.quantity,
      urgent: body.urgent,
      variant: body.size ?? null,
      condition: body.condition,
      neededBy: body.needed_by ?? null,
    });
    const need = await addNeed(c.var.deps, c.var.actor, driveId, fields).catch(rethrow);
    return c.json({ id: need.id }, 201);
  },
);

suppliesApi.openapi(
  route.post("/api/v1/drives/{id}/pledges", "supplies.receive", {
    summary: "Pledge a quantity of a need (the same pledge sent again within a minute is one)",
    request: withIdAndBody(ApiPledgeInputSchema),
    responses: { 201: jsonResponse("Created (or the same pledge, sent again)", ApiPledgeSchema) },
  }),
  async (c) => {
    const driveId = requireUuidParam(c);
    const body = c.req.valid("json");
    const uuid = (v: string | null | undefined, field: string) => {
      if (v === null || v === undefined) return null;
      if (!isUuid(v)) {
        throw new AppError("validation_failed", { [field]: "invalid_choice" });
      }
      return v.toLowerCase();
    };
    const pledge = await createPledge(c.var.deps, c.var.actor, driveId, {
      needId: uuid(body.need_id, "need_id") ?? "",
      quantity: body.quantity,
      personId: uuid(body.person_id, "person_id"),
      pointId: uuid(body.point_id, "point_id"),
      dueOn: body.due_on && /^\d{4}-\d{2}-\d{2}$/.test(body.due_on) ? body.due_on : null,
      source: "api",
    }).catch(rethrow);
    return c.json(
      {
        id: pledge.id,
        need_id: pledge.needId,
        quantity: toUnits(pledge.quantity),
        expires_at: pledge.expiresAt.toISOString(),
      },
      201,
    );
  },
);

suppliesApi.openapi(
  route.post("/api/v1/drives/{id}/movements", "supplies.receive", {
    summary:
      "Record goods received, delivered or discarded (409 not_enough_stock when more leaves than came in)",
    request: withIdAndBody(ApiMovementInputSchema),
    responses: { 201: jsonResponse("Recorded", ApiMovementSchema) },
  }),
  async (c) => {
    const driveId = requireUuidParam(c);
    const body = c.req.valid("json");
    const fields = validate(MovementFieldsSchema, {
      needId: body.need_id,
      kind: body.kind,
      quantity: body.quantity,
      pointId: body.point_id ?? null,
      pledgeId: body.pledge_id ?? null,
      method: body.method ?? null,
    });
    const moved = await recordMovement(c.var.deps, c.var.actor, driveId, fields).catch(rethrow);
    return c.json(
      { id: moved.id, need_id: moved.needId, kind: moved.kind, quantity: toUnits(moved.quantity) },
      201,
    );
  },
);
