import { createMiddleware } from "hono/factory";
import type { z } from "zod";
import { actorForToken } from "../modules/accounts/api-tokens";
import type { Actor } from "./actor";
import { AppError, fieldsFromZod } from "./errors";
import type { AppEnv } from "./http";

export type ApiEnv = AppEnv & { Variables: { actor: Actor } };

/** Bearer token -> actor. Every /api/v1 route sits behind this. */
export const requireToken = createMiddleware<ApiEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const actor = match?.[1] ? await actorForToken(c.get("deps").db, match[1]) : null;
  if (!actor) {
    c.header("WWW-Authenticate", 'Bearer realm="amparo"');
    throw new AppError("unauthorized");
  }
  c.set("actor", actor);
  await next();
});

/**
 * Reads a JSON body: malformed JSON is 400; shape errors are 422 with fields.
 * A string holding NUL is refused up front: PostgreSQL text can't store it.
 */
export async function readJson<S extends z.ZodType>(
  c: { req: { json(): Promise<unknown> } },
  schema: S,
): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("bad_request");
  }
  const nul = pathOfNul(body);
  if (nul !== null) throw new AppError("validation_failed", { [nul || "_"]: "invalid" });
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw new AppError("validation_failed", fieldsFromZod(parsed.error));
  return parsed.data;
}

/** The dotted path of the first string (key or value) containing NUL, or null if none does. */
function pathOfNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (!value || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return path.join(".");
    const found = pathOfNul(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
