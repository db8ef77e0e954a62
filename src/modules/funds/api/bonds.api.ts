import type { z } from "zod";
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

/** A bond settles once: each step answers with the bond, or 409 when it has settled. */
const settleRoute = <const S extends z.ZodType>(
  step: "return" | "forfeit",
  summary: string,
  body: S,
  answered: string,
) =>
  stepRoute(`/api/v1/bonds/{id}/${step}`, "funds.manage", summary, body, {
    200: jsonResponse(answered, ApiBondSchema),
    409: refused("bond_settled: already returned or forfeited"),
  });

bondsApi.openapi(
  settleRoute(
    "return",
    "Record a bond returned, with any interest",
    ApiBondReturnSchema,
    "Returned",
  ),
  async (c) => {
    const body = c.req.valid("json");
    const bond = await returnBond(c.var.deps, c.var.actor, requireUuidParam(c), {
      interestCents: body.interest_cents ?? 0,
      returnedAt: plausible(body.returned_at, "returned_at"),
      memo: body.memo ?? null,
    }).catch(apiFieldNames);
    return c.json(bondToApi(bond), 200);
  },
);

bondsApi.openapi(
  settleRoute("forfeit", "Record a bond forfeited", ApiBondForfeitSchema, "Forfeited"),
  async (c) => {
    const body = c.req.valid("json");
    const bond = await forfeitBond(c.var.deps, c.var.actor, requireUuidParam(c), {
      forfeitedAt: plausible(body.forfeited_at, "forfeited_at"),
      memo: body.memo ?? null,
    });
    return c.json(bondToApi(bond), 200);
  },
);
