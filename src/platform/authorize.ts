import { createMiddleware } from "hono/factory";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import type { AppEnv } from "./http";
import { type Permission, requirePermission } from "./permissions";

// Who may use a route is declared on the route itself, so a forgotten check is visible
// (and authorize.test.ts fails on any page or API route without a declaration):
//
//   routes.get("/people", allow("people.read"), async (c) => { const auth = c.var.signedIn; ... })
//   api.get("/api/v1/people", allow("people.read"), async (c) => { const actor = c.var.actor; ... })
//   routes.get("/p/:org/c/:slug", anyone, ...)        // public on purpose
//
// Object rules that need the row (the case team, a second approver) stay in the domain.

export type Access =
  | { kind: "permission"; permission: Permission }
  | { kind: "signed_in" | "anyone" };
const ACCESS = Symbol("amparo.access");
type Declared = { [ACCESS]: Access };

function declare<M extends (...args: never[]) => unknown>(
  handler: M,
  access: Access,
): M & Declared {
  return Object.assign(handler, { [ACCESS]: access });
}

/** The access a route handler declares, if it is one of these middlewares. */
export function declaredAccess(handler: unknown): Access | null {
  return typeof handler === "function" && ACCESS in handler ? (handler as Declared)[ACCESS] : null;
}

const cache = new Map<Permission, ReturnType<typeof build>>();
function build(permission: Permission) {
  return declare(
    createMiddleware<AppEnv>(async (c, next) => {
      const auth = c.get("auth");
      // An API token's actor (set by requireToken), or the signed-in user's.
      const actor: Actor | undefined = c.get("actor") ?? auth?.actor;
      if (!actor) throw new AppError("unauthorized");
      requirePermission(actor.role, permission);
      if (auth) c.set("signedIn", auth);
      c.set("actor", actor);
      await next();
    }),
    { kind: "permission", permission },
  );
}

/** Only roles that hold `permission` (see permissions.ts) may use the route. */
export function allow(permission: Permission) {
  let handler = cache.get(permission);
  if (!handler) {
    handler = build(permission);
    cache.set(permission, handler);
  }
  return handler;
}

/** Any signed-in member of the organization, whatever their role (home, own account). */
export const signedIn = declare(
  createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.get("auth");
    if (!auth) throw new AppError("unauthorized");
    c.set("signedIn", auth);
    c.set("actor", auth.actor);
    await next();
  }),
  { kind: "signed_in" },
);

/** Public on purpose: no sign-in (public pages, sign-in itself, webhooks that check a signature). */
export const anyone = declare(
  createMiddleware<AppEnv>(async (_c, next) => {
    await next();
  }),
  { kind: "anyone" },
);
