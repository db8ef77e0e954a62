import type { z } from "zod";
import { type FieldErrors, fieldsFromZod } from "./errors";
import type { AppContext } from "./http";

const MAX_FIELD = 20_000;

/**
 * A submitted form as plain strings (files and repeated keys ignored; _csrf dropped).
 * NUL characters are removed: nobody types them and PostgreSQL text can't store them.
 */
export async function readForm(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf" || typeof value !== "string") continue;
    values[key] = value.slice(0, MAX_FIELD).replaceAll("\u0000", "");
  }
  return values;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: fieldsFromZod(result.error) };
}
