import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { anyone } from "./authorize";
import type { AppEnv } from "./http";

// Every asset is served by Amparo itself: no CDN, no fonts from elsewhere.
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const files: Record<string, { body: string; type: string }> = {
  "app.css": { body: readFileSync(join(here, "ui/assets/app.css"), "utf8"), type: "text/css" },
  // Public pages (/p/...) load only this small sheet.
  "public.css": {
    body: readFileSync(join(here, "ui/assets/public.css"), "utf8"),
    type: "text/css",
  },
  "favicon.svg": {
    body: readFileSync(join(here, "ui/assets/favicon.svg"), "utf8"),
    type: "image/svg+xml",
  },
  "htmx.min.js": {
    body: readFileSync(require.resolve("htmx.org/dist/htmx.min.js"), "utf8"),
    type: "text/javascript",
  },
};

export const assetRoutes = new Hono<AppEnv>();

assetRoutes.get("/assets/:name", anyone, (c) => {
  const file = files[c.req.param("name")];
  if (!file) return c.notFound();
  c.header("Content-Type", `${file.type}; charset=utf-8`);
  c.header("Cache-Control", "public, max-age=3600");
  return c.body(file.body);
});

assetRoutes.get("/favicon.ico", anyone, (c) => c.redirect("/assets/favicon.svg", 301));
