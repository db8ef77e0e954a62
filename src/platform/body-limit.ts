import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";

/**
 * Hono's bodyLimit, without its cost on a request that says its size. Hono's reads
 * `c.req.raw.body` first, which makes @hono/node-server build a whole web Request with a
 * stream around the socket: about a tenth of the app's CPU for one API write (decision 097).
 * A request with a Content-Length (and no Transfer-Encoding) can't carry more than that:
 * Node's HTTP parser reads exactly that many bytes. So the header is checked, and the route
 * reads the body straight from the socket; anything else (chunked bodies, `app.request`
 * in tests) goes through Hono's counting reader as before.
 */
export function bodyLimit(options: { maxSize: number; onError: () => never }): MiddlewareHandler {
  const counting = honoBodyLimit(options);
  return (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) {
      return counting(c, next);
    }
    if (!/^\d{1,15}$/.test(length.trim()) || Number(length) > options.maxSize) options.onError();
    return next();
  };
}
