import type { RouteConfig } from "@hono/zod-openapi";
import type { z } from "zod";
import { apiRoutes, foundById, withId } from "../../../platform/api-routes";
import { AppError } from "../../../platform/errors";
import type { AppContext } from "../../../platform/http";
import type { Currency } from "../../../platform/money";
import type { Permission } from "../../../platform/permissions";
import { getCampaign } from "../campaigns/campaign-record";

// Pieces the funds API files share (campaigns, gifts and payments; bonds; refunds).

export const route = apiRoutes("funds");
/** Action endpoints take an optional body: nothing at all means `{}`. */
export const optionalBody = <S extends z.ZodType>(schema: S) => ({
  required: false as const,
  content: { "application/json": { schema } },
});

/**
 * A step on one disbursement or bond (`POST /api/v1/bonds/{id}/return`): the id in the
 * path, an optional body, one permission, the answers beside the standard ones.
 */
export function stepRoute<const S extends z.ZodType, const R extends RouteConfig["responses"]>(
  path: string,
  permission: Permission,
  summary: string,
  body: S,
  responses: R,
) {
  return route.post(path, permission, {
    summary,
    request: { ...withId, body: optionalBody(body) },
    responses,
  });
}

/** A date a person could mean: not before 2000, not more than a day ahead. */
export function plausible(value: string | undefined, field: string): Date | null {
  const d = value ? new Date(value) : null;
  if (d && (d.getTime() < Date.UTC(2000, 0, 1) || d.getTime() > Date.now() + 86_400_000)) {
    throw new AppError("validation_failed", { [field]: "invalid_date" });
  }
  return d;
}

/** The campaign money moves out of, and how much (in its currency unless another is named). */
export const moneyOut = (
  campaign: { id: string },
  body: { amount_cents: number; currency?: Currency | undefined },
) => ({ campaignId: campaign.id, amountCents: body.amount_cents, currency: body.currency ?? null });

export const requireCampaign = (c: AppContext) => foundById(c, getCampaign);
