import { createMiddleware } from "hono/factory";
import type { z } from "zod";
import type { Actor } from "./actor";
import { actorForToken } from "./api-tokens";
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

/** Deeper JSON than any Amparo body needs; refused before it is parsed or walked. */
const MAX_JSON_DEPTH = 32;

/**
 * In front of every /api/v1 route with a JSON body: malformed or too deeply nested JSON is
 * 400, a string holding NUL is 422 (PostgreSQL text can't store it). Hono keeps the body,
 * so the route's own validation reads it again at no cost.
 */
export const guardJsonBody = createMiddleware<ApiEnv>(async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "DELETE") {
    return next();
  }
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    // A body that isn't declared as JSON is refused rather than guessed at; an empty one
    // (an action endpoint with nothing to say) passes.
    if ((await c.req.text()).trim() !== "") throw new AppError("unsupported_media_type");
    return next();
  }
  await parseJsonBody(c);
  await next();
});
async function parseJsonBody(c: { req: { text(): Promise<string> } }): Promise<unknown> {
  const text = await c.req.text();
  if (nestingDepth(text) > MAX_JSON_DEPTH) throw new AppError("bad_request");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request");
  }
  const nul = pathOfNul(body);
  if (nul !== null) throw new AppError("validation_failed", { [nul || "_"]: "invalid" });
  return body;
}

/**
 * Reads a JSON body: malformed JSON is 400; shape errors are 422 with fields.
 * A string holding NUL is refused up front: PostgreSQL text can't store it.
 */
export async function readJson<S extends z.ZodType>(
  c: { req: { text(): Promise<string> } },
  schema: S,
): Promise<z.infer<S>> {
  const body = await parseJsonBody(c);
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw new AppError("validation_failed", fieldsFromZod(parsed.error));
  return parsed.data;
}

/** How deeply brackets nest in JSON text, counting only those outside strings. One pass, no recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

/** The dotted path of the first string (key or value) containing NUL, or null if none does. */
function pathOfNul(root: unknown): string | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path.join(".");
      continue;
    }
    if (!value || typeof value !== "object") continue;
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as [string, unknown];
      if (key.includes("\u0000")) return path.join(".");
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}
