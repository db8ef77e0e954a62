import { z } from "zod";
import { uuidInput } from "../../platform/ids";
import { CASE_STATUSES } from "./case";

export const CASES_PER_PAGE = 50;

// What the case pages and the API read from query strings. Pure: no I/O.

/** A search box's text: at most 200 characters, NUL removed; anything odd is "". */
const searchText = z
  .string()
  .max(200)
  .transform((v) => v.replaceAll("\u0000", ""))
  .catch("")
  .default("");

/** Query strings are forgiving: anything odd falls back to the default. */
export const DashboardQuerySchema = z.object({
  q: searchText,
  status: z
    .enum(["active", "all", ...CASE_STATUSES])
    .catch("active")
    .default("active"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).catch(CASES_PER_PAGE).default(CASES_PER_PAGE),
});

export const PersonParamSchema = z.object({
  person: uuidInput().optional().catch(undefined),
  q: searchText,
});
