import { z } from "zod";
import { ENGAGEMENT_LEVELS } from "./person";
import type { PeopleQuery } from "./search-people";

// Query strings are forgiving: a bad page number or unknown level falls back, never errors.
// NUL is dropped: PostgreSQL text can't hold it, so a tag filter with one would fail the query.
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.replaceAll("\u0000", ""))
    .catch("")
    .default("");
const QuerySchema = z.object({
  q: text(200),
  tag: text(40),
  level: z.enum(ENGAGEMENT_LEVELS).or(z.literal("")).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});

export function parsePeopleQuery(raw: Record<string, string>): PeopleQuery & {
  q: string;
  tag: string;
  levelText: string;
} {
  const v = QuerySchema.parse(raw);
  return {
    q: v.q,
    tag: v.tag,
    levelText: v.level,
    ...(v.level ? { level: v.level } : {}),
    page: v.page,
    perPage: v.per_page,
  };
}
