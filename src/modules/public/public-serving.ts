import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerOptions,
  type ServerResponse,
} from "node:http";
import { parse as parseCookies } from "hono/utils/cookie";
import { notFound } from "../../platform/errors";
import type { AppContext } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { LANG_COOKIE, SECURITY_HEADERS } from "../../platform/middleware";
import { type CachedPage, matchesEtag, type PageCache } from "../../platform/page-cache";
import { publicBaseUrl } from "../../platform/public-address";
import { publicLang } from "../../platform/ui/public-language";

// How a request for a public page maps to stored bytes and back to a response. The Hono
// routes use it, and so does the fast path main.ts puts in front of Hono: a stored page is
// written straight to the socket, which is what lets a page that goes viral be served at
// close to the rate of a bare node:http server. Anything the fast path isn't sure about
// (a miss, a HEAD, an odd header) goes on to Hono, which answers the same way.

const SLUG = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;
const PATH = /^\/p\/([^/?#]+)\/c\/([^/?#]+?)(\/flyer\.pdf)?$/;

export type PublicTarget = { org: string; slug: string; flyer: boolean };

/** Lower-cased slugs when both look like slugs; null otherwise (a 404 either way). */
export function publicSlugs(org: string, slug: string): { org: string; slug: string } | null {
  const o = org.toLowerCase();
  const s = slug.toLowerCase();
  return SLUG.test(o) && SLUG.test(s) ? { org: o, slug: s } : null;
}

/** What decides which stored bytes answer a request. */
export type PublicRequest = {
  target: PublicTarget;
  /** The first ?lang= value. */
  langParam: string | undefined;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
};

export type PublicVariant = {
  key: string;
  /** The configured public address, or null: links are then relative (platform/public-url.ts). */
  base: string | null;
  /** null: the organization's default language. */
  lang: Lang | null;
  /** The answer depends on Accept-Language and Cookie (no ?lang decided). */
  varies: boolean;
};

export function variantOf(req: PublicRequest, publicUrl: string | undefined): PublicVariant {
  // The Host header plays no part: the same bytes whatever Host says, so a forged one
  // neither reaches other visitors nor makes a new cache entry.
  const base = publicBaseUrl({ config: { publicUrl } });
  const { org, slug, flyer } = req.target;
  if (flyer) return { key: `${org}|${slug}|pdf`, base, lang: null, varies: false };
  const chosen = publicLang({
    query: req.langParam,
    cookie: req.cookie ? parseCookies(req.cookie, LANG_COOKIE)[LANG_COOKIE] : undefined,
    acceptLanguage: req.acceptLanguage,
  });
  return {
    key: `${org}|${slug}|${chosen.lang ?? "default"}`,
    base,
    lang: chosen.lang,
    varies: !chosen.fromQuery,
  };
}

/**
 * The slugs and the variant of a request a Hono route answers (the same key the fast path
 * finds); 404 for anything that isn't a slug.
 */
export function routeVariant(c: AppContext, flyer: boolean, publicUrl: string | undefined) {
  const slugs = publicSlugs(c.req.param("org") ?? "", c.req.param("slug") ?? "");
  if (!slugs) throw notFound();
  const variant = variantOf(
    {
      target: { ...slugs, flyer },
      langParam: c.req.query("lang"),
      cookie: c.req.header("cookie"),
      acceptLanguage: c.req.header("accept-language"),
    },
    publicUrl,
  );
  return { slugs, variant };
}

/** Status, headers (before the security headers every response gets) and body. */
export function responseFor(
  page: CachedPage,
  varies: boolean,
  ifNoneMatch: string | undefined,
): { status: 200 | 304; headers: Record<string, string>; body: Uint8Array | null } {
  const headers: Record<string, string> = {
    ...page.headers,
    "Content-Type": page.contentType,
    "Cache-Control": "public, max-age=30",
    ETag: page.etag,
  };
  if (varies) headers.Vary = "Accept-Language, Cookie";
  if (matchesEtag(ifNoneMatch, page.etag)) return { status: 304, headers, body: null };
  return { status: 200, headers, body: page.body };
}

/**
 * Answers a GET from stored bytes when there are some; returns false (having written
 * nothing) for everything else, which the caller hands to Hono.
 */
export function serveStored(
  cache: PageCache,
  publicUrl: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (req.method !== "GET") return false;
  const url = req.url ?? "";
  if (!url.startsWith("/p/")) return false;
  const q = url.indexOf("?");
  const match = PATH.exec(q === -1 ? url : url.slice(0, q));
  const slugs = match ? publicSlugs(match[1] ?? "", match[2] ?? "") : null;
  if (!match || !slugs || repeated(req.rawHeaders)) return false;
  const params = q === -1 ? null : new URLSearchParams(url.slice(q + 1));
  const variant = variantOf(
    {
      target: { ...slugs, flyer: match[3] !== undefined },
      langParam: params?.get("lang") ?? undefined,
      cookie: req.headers.cookie,
      acceptLanguage: req.headers["accept-language"],
    },
    publicUrl,
  );
  const page = cache.get(variant.key);
  if (!page) return false;
  const ifNoneMatch = req.headers["if-none-match"];
  const notModified = ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, page.etag);
  res.writeHead(notModified ? 304 : 200, wireHeaders(page, variant.varies, notModified));
  res.end(notModified ? undefined : page.body);
  return true;
}

// The full header set of a stored page's answers (responseFor plus the security headers
// and the length), built once per page and variant: a hit allocates nothing for them.
const wired = new WeakMap<CachedPage, Record<string, string>[]>();

function wireHeaders(page: CachedPage, varies: boolean, notModified: boolean) {
  let forPage = wired.get(page);
  if (!forPage) {
    forPage = [];
    wired.set(page, forPage);
  }
  const slot = (varies ? 2 : 0) + (notModified ? 1 : 0);
  let headers = forPage[slot];
  if (!headers) {
    const out = responseFor(page, varies, notModified ? page.etag : undefined);
    headers = { ...out.headers, ...SECURITY_HEADERS };
    if (out.body) headers["Content-Length"] = String(out.body.byteLength);
    forPage[slot] = headers;
  }
  return headers;
}

// Node folds repeated headers its own way (cookies with "; "), the Fetch API another
// (", "): such rare requests go to Hono so both paths always agree.
function repeated(raw: string[]): boolean {
  let cookies = 0;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]?.toLowerCase();
    if (name === "cookie") cookies += 1;
    else if (name === "host") hosts += 1;
  }
  return cookies > 1 || hosts > 1;
}

/** node:http's createServer (as @hono/node-server calls it) trying `stored` first. */
export function withStoredPages(
  stored: (req: IncomingMessage, res: ServerResponse) => boolean,
): typeof createServer {
  const make = (options: ServerOptions, listener: RequestListener) =>
    createServer(options, (req, res) => {
      if (!stored(req, res)) listener(req, res);
    });
  return make as typeof createServer;
}
