import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Config } from "./config";
import type { Database } from "./db/client";
import { accountsRoutes } from "./modules/accounts/accounts.routes";
import { organizationCount } from "./modules/accounts/setup-organization";
import { usersRoutes } from "./modules/accounts/users.routes";
import { homeRoutes } from "./modules/home/home.routes";
import { peopleApi, peopleOpenApi } from "./modules/people/people.api";
import { peopleRoutes } from "./modules/people/people.routes";
import { assetRoutes } from "./platform/assets";
import type { FieldCipher } from "./platform/crypto";
import { handleError } from "./platform/error-handler";
import { AppError } from "./platform/errors";
import type { AppEnv } from "./platform/http";
import { csrf, language, provide, securityHeaders, session } from "./platform/middleware";
import { buildOpenApi } from "./platform/openapi";

export const VERSION = "0.1.0";

export type AppDeps = { database: Database; cipher: FieldCipher; config: Config };

/** Builds the whole app from the modules; tests call `app.request()` on it with no port. */
export function createApp({ database, cipher, config }: AppDeps) {
  const app = new Hono<AppEnv>();
  const openapi = buildOpenApi([...peopleOpenApi], VERSION);
  let setUp = false;

  app.onError(handleError);
  app.use(securityHeaders);
  app.use(provide({ db: database.db, cipher }, config));
  app.use(
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new AppError("payload_too_large");
      },
    }),
  );

  app.get("/healthz", async (c) => {
    await database.db.execute(sql`SELECT 1`);
    return c.json({ status: "ok" });
  });
  app.route("/", assetRoutes);
  app.get("/api/v1/openapi.json", (c) => c.json(openapi));
  app.route("/", peopleApi);
  app.all("/api/*", () => {
    throw new AppError("not_found");
  });

  app.use(session);
  app.use(language);
  app.use(csrf);
  // First run: until an organization exists, every page leads to setup.
  app.use(async (c, next) => {
    if (!setUp) setUp = (await organizationCount(database.db)) > 0;
    if (!setUp && c.req.path !== "/setup") return c.redirect("/setup", 303);
    await next();
  });
  app.route("/", accountsRoutes);
  app.route("/", usersRoutes);
  app.route("/", homeRoutes);
  app.route("/", peopleRoutes);
  app.notFound(() => {
    throw new AppError("not_found");
  });
  return app;
}
