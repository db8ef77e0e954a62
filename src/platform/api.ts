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

/** Reads a JSON body: malformed JSON is 400; shape errors are 422 with fields. */
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
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError("validation_failed", fieldsFromZod(parsed.error));
  return parsed.data;
}
