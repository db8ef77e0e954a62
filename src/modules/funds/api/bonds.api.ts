import { jsonResponse, refused, tokenApiRouter } from "../../../platform/api-router";
import { requireUuidParam } from "../../../platform/http";
import { forfeitBond } from "../bonds/forfeit-bond";
import { returnBond } from "../bonds/return-bond";
import {
  ApiBondForfeitSchema,
  ApiBondReturnSchema,
  ApiBondSchema,
  apiFieldNames,
  bondToApi,
} from "./funds.api-schema";
import { plausible, stepRoute } from "./funds-api-parts";
import "../funds.errors";

// /api/v1/bonds/{id}/…: a bond posted from a fund (POST /api/v1/campaigns/{id}/bonds, in
// funds.api.ts) is returned, with any interest, or forfeited.

export const bondsApi = tokenApiRouter("/api/v1/bonds/*");

bondsApi.openapi(
  stepRoute(
    "/api/v1/bonds/{id}/return",
    "funds.manage",
    "Record a bond returned, with any interest",
    ApiBondReturnSchema,
    {
      200: jsonResponse("Returned", ApiBondSchema),
      409: refused("bond_settled: already returned or forfeited"),
    },
  ),
  async (c) => {
    const id = requireUuidParam(c);
    const body = c.req.valid("json");
    const bond = await returnBond(c.var.deps, c.var.actor, id, {
      interestCents: body.interest_cents ?? 0,
      returnedAt: plausible(body.returned_at, "returned_at"),
      memo: body.memo ?? null,
    }).catch(apiFieldNames);
    return c.json(bondToApi(bond), 200);
  },
);

bondsApi.openapi(
  stepRoute(
    "/api/v1/bonds/{id}/forfeit",
    "funds.manage",
    "Record a bond forfeited",
    ApiBondForfeitSchema,
    {
      200: jsonResponse("Forfeited", ApiBondSchema),
      409: refused("bond_settled: already returned or forfeited"),
    },
  ),
  async (c) => {
    const id = requireUuidParam(c);
    const body = c.req.valid("json");
    const bond = await forfeitBond(c.var.deps, c.var.actor, id, {
      forfeitedAt: plausible(body.forfeited_at, "forfeited_at"),
      memo: body.memo ?? null,
    });
    return c.json(bondToApi(bond), 200);
  },
);
