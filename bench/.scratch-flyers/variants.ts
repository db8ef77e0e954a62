import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createServer } from "node:http";
const body = new Uint8Array(Buffer.from("x".repeat(4400)));
const headers = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=30", ETag: '"abc"', "Content-Language": "es", Vary: "Accept-Language, Cookie" };
const sec: Record<string, string> = { "Content-Security-Policy": "default-src 'self'; script-src 'self'", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Resource-Policy": "same-origin", "Permissions-Policy": "camera=()" };
const variant = process.argv[2];
const port = Number(process.argv[3]);
if (variant === "bare") {
  createServer((q, s) => { s.writeHead(200, { ...headers, ...sec, "content-length": body.length }); s.end(body); }).listen(port, "127.0.0.1");
} else {
  const app = new Hono();
  if (variant === "after") app.use(async (c, next) => { await next(); for (const [k, v] of Object.entries(sec)) c.header(k, v); if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store"); });
  if (variant === "direct") app.use(async (c, next) => { await next(); const h = c.res.headers; for (const [k, v] of Object.entries(sec)) h.set(k, v); if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store"); });
  if (variant === "before") app.use(async (c, next) => { for (const [k, v] of Object.entries(sec)) c.header(k, v); await next(); });
  for (let i = 0; i < 30; i++) app.get(`/x${i}/:a`, (c) => c.text("no"));
  app.get("/p/:org/c/:slug", (c) => c.body(body, 200, variant === "minimal" ? { ...headers, ...sec } : headers));
  serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
}
