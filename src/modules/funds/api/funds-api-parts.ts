import type { z } from "zod";
import { ErrorBodySchema, jsonResponse, UuidParamSchema } from "../../../platform/api-router";
import { AppError } from "../../../platform/errors";
import { type AppContext, requireUuidParam } from "../../../platform/http";
import { getCampaign } from "../campaigns/campaign-record";

// Pieces the funds API files share (campaigns, gifts and payments; bonds; refunds).

export const tags = ["funds"];
export const params = UuidParamSchema;
export const refused = (description: string) => jsonResponse(description, ErrorBodySchema);
/** Action endpoints take an optional body: nothing at all means `{}`. */
export const optionalBody = <S extends z.ZodType>(schema: S) => ({
  required: false as const,
  content: { "application/json": { schema } },
});

/** A date a person could mean: not before 2000, not more than a day ahead. */
export function plausible(value: string | undefined, field: string): Date | null {
  const d = value ? new Date(value) : null;
  if (d && (d.getTime() < Date.UTC(2000, 0, 1) || d.getTime() > Date.now() + 86_400_000)) {
    throw new AppError("validation_failed", { [field]: "invalid_date" });
  }
  return d;
}

export async function requireCampaign(c: AppContext) {
  const campaign = await getCampaign(c.var.deps.db, c.var.actor.orgId, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return campaign;
}
