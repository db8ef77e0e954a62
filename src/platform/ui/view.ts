import type { AppContext, SignedIn } from "../http";
import type { Lang } from "../i18n";
import { searchQuery } from "../text";

/** What every signed-in page gets from the request: language, CSRF token, path, who is signed in. */
export type ViewProps = { lang: Lang; csrf: string; path: string; auth: SignedIn };

/** The page props of a route that declared its access (allow/signedIn sets `signedIn`). */
export function pageView(c: AppContext): ViewProps {
  return { lang: c.get("lang"), csrf: c.get("csrf"), path: c.req.path, auth: c.var.signedIn };
}

/**
 * pageView with the query string kept in `path`: the language switch of a searched list
 * comes back to the same search.
 */
export function listView(c: AppContext): ViewProps {
  const url = new URL(c.req.url);
  return { ...pageView(c), path: `${url.pathname}${url.search}` };
}

/** A list page's `?q=` (as searchQuery cleans it) and `?page=` (1 to 10,000; else 1). */
export function listQuery(c: AppContext): { q: string; page: number } {
  const page = Number.parseInt(c.req.query("page") ?? "1", 10) || 1;
  return { q: searchQuery(c.req.query("q")), page: Math.max(1, Math.min(10_000, page)) };
}

/**
 * The message for `?done=<key>` after a redirect (created, saved, ...), from the module's
 * own texts; unknown keys show nothing.
 */
export function doneNotice<K extends string>(
  c: AppContext,
  texts: Record<Lang, Record<K, string>>,
  keys: readonly K[],
): string | undefined {
  const key = c.req.query("done");
  return key && (keys as readonly string[]).includes(key)
    ? texts[c.get("lang")][key as K]
    : undefined;
}
