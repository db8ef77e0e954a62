import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { Hono } from "hono";
import { anyone } from "./authorize";
import type { AppEnv } from "./http";

// Every asset is served by Amparo itself: no CDN, no fonts from elsewhere. Pages link them
// by a name that carries a hash of the content (assetUrl), so a phone keeps them for a year
// and still gets the new file the moment it changes. Each is compressed once, when first
// asked for in that encoding: brotli at quality 11 is slow, and doing all of it at start
// was about a quarter of the server's start-up CPU (decision 090).
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

type Asset = { type: string; plain: Buffer; gzip: () => Buffer; br: () => Buffer; hashed: string };

function once(make: () => Buffer): () => Buffer {
  let made: Buffer | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

function asset(name: string, path: string, type: string): [string, Asset] {
  const plain = readFileSync(path);
  const hash = createHash("sha256").update(plain).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return [
    name,
    {
      type,
      plain,
      gzip: once(() => gzipSync(plain, { level: 9 })),
      br: once(() =>
        brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      ),
      hashed: `${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
    },
  ];
}

const assets = new Map<string, Asset>([
  asset("app.css", join(here, "ui/assets/app.css"), "text/css; charset=utf-8"),
  // Public pages (/p/...) load only this small sheet.
  asset("public.css", join(here, "ui/assets/public.css"), "text/css; charset=utf-8"),
  asset("favicon.svg", join(here, "ui/assets/favicon.svg"), "image/svg+xml"),
  // Staff pages' small touches ("Copy link"); pages work without it.
  asset("app.js", join(here, "ui/assets/app.js"), "text/javascript; charset=utf-8"),
  asset(
    "htmx.min.js",
    require.resolve("htmx.org/dist/htmx.min.js"),
    "text/javascript; charset=utf-8",
  ),
]);
const byHashedName = new Map([...assets.values()].map((a) => [a.hashed, a]));

/** The URL a page links an asset by: "/assets/app.3f2a9c81d0.css". */
export function assetUrl(
  name: "app.css" | "public.css" | "favicon.svg" | "htmx.min.js" | "app.js",
): string {
  const found = assets.get(name);
  if (!found) throw new Error(`unknown asset ${name}`);
  return `/assets/${found.hashed}`;
}

export const assetRoutes = new Hono<AppEnv>();

assetRoutes.get("/assets/:name", anyone, (c) => {
  const name = c.req.param("name");
  const hashed = byHashedName.get(name);
  const file = hashed ?? assets.get(name);
  if (!file) return c.notFound();
  c.header("Content-Type", file.type);
  // A hashed name never changes content; a plain one (an old link) may.
  c.header(
    "Cache-Control",
    hashed ? "public, max-age=31536000, immutable" : "public, max-age=3600",
  );
  c.header("Vary", "Accept-Encoding");
  const accepts = c.req.header("accept-encoding") ?? "";
  const [encoding, body] = /\bbr\b/.test(accepts)
    ? (["br", file.br()] as const)
    : /\bgzip\b/.test(accepts)
      ? (["gzip", file.gzip()] as const)
      : ([null, file.plain] as const);
  if (encoding) c.header("Content-Encoding", encoding);
  return c.body(new Uint8Array(body));
});

assetRoutes.get("/favicon.ico", anyone, (c) => c.redirect(assetUrl("favicon.svg"), 301));
