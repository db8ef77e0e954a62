import { type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { give, newCampaign } from "../../../test/support/funds";
import { STORES } from "../../../test/support/stores";
import { withStoredPages } from "./public-serving";

// The fast path main.ts puts in front of Hono must answer exactly as Hono would, and only
// when it has the stored bytes: everything else goes on to Hono.

type Answer = { status: number; headers: Record<string, string>; body: string; fast: boolean };

describe.each(STORES)("public pages' fast path (%s)", (store) => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let org: Awaited<ReturnType<typeof createOrg>>;
  const served: boolean[] = [];

  beforeAll(async () => {
    t = await createTestApp(store);
    org = await createOrg(t, "Comité Inventado Rápido");
    const app = t.app;
    const spy = (req: IncomingMessage, res: ServerResponse) => {
      const fast = app.serveStored(req, res);
      served.push(fast);
      return fast;
    };
    server = await new Promise<Server>((resolve) => {
      const s = serve(
        { fetch: app.fetch, port: 0, hostname: "127.0.0.1", createServer: withStoredPages(spy) },
        () => resolve(s as Server),
      );
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await t?.close();
  });

  /** One request with exactly these raw headers (repeated names allowed). */
  function get(path: string, raw: [string, string][] = [], method = "GET"): Promise<Answer> {
    return new Promise((resolve, reject) => {
      // A flat [name, value, ...] list keeps repeated names; Host must then be given too.
      const withHost = raw.some(([k]) => k.toLowerCase() === "host")
        ? raw
        : [["Host", new URL(base).host] as [string, string], ...raw];
      const headers = withHost.flat() as unknown as Record<string, string>;
      const req = request(`${base}${path}`, { method, headers });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (!["date", "connection", "keep-alive"].includes(k)) headers[k] = String(v);
          }
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString("utf8"),
            fast: served.at(-1) ?? false,
          });
        });
      });
      req.on("error", reject);
      req.end();
    });
  }

  /** The first request is Hono's (and stores the page); the second must be the same bytes. */
  async function twice(path: string, raw: [string, string][] = []) {
    const first = await get(path, raw);
    const second = await get(path, raw);
    expect(first.fast, `${path}: first request goes through Hono`).toBe(false);
    expect(second.fast, `${path}: second request is served from stored bytes`).toBe(true);
    expect(second).toEqual({ ...first, fast: true });
    return second;
  }

  it("answers a stored page exactly as Hono did, in every language variant", async () => {
    const c = await newCampaign(t, org.actor, { public: true });
    const path = `/p/${org.slug}/c/${c.slug}`;
    const es = await twice(path, [["Accept-Language", "es"]]);
    expect(es.status).toBe(200);
    expect(es.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(es.headers["content-length"]).toBe(String(Buffer.byteLength(es.body)));
    expect(es.headers.vary).toBe("Accept-Language, Cookie");
    const en = await twice(path, [["Accept-Language", "en-US,en;q=0.8"]]);
    expect(en.body).toContain('<html lang="en">');
    // ?lang=en is the same stored English page, told apart only by not varying.
    const chosen = await get(`${path}?lang=en`, [["Cookie", "amparo_lang=es"]]);
    expect(chosen.fast).toBe(true);
    expect(chosen.body).toBe(en.body);
    expect(chosen.headers.vary).toBe(undefined);
    const cookie = await get(path, [
      ["Cookie", "other=1; amparo_lang=en"],
      ["Accept-Language", "es"],
    ]);
    expect(cookie.fast).toBe(true);
    expect(cookie.body).toBe(en.body);
    // The organization's default language when nothing else says.
    expect((await twice(path)).body).toContain('<html lang="es">');
    // Host plays no part (probe fault 7): any Host gets the one stored page (no new cache
    // entry per forged value), and its links are relative.
    const hosts = ["LocalHost", "evil.example", "x1.evil.example", "[::1]:9"];
    for (const host of hosts) {
      const forged = await get(path, [
        ["Host", host],
        ["Accept-Language", "es"],
      ]);
      expect(forged.fast, host).toBe(true);
      expect(forged.body).toBe(es.body);
      expect(forged.body).not.toContain("evil.example");
    }
    expect(es.body).toContain(`href="${path}?lang=es"`);
  });

  it("answers 304 from stored bytes to a matching If-None-Match", async () => {
    const c = await newCampaign(t, org.actor, { public: true });
    const path = `/p/${org.slug}/c/${c.slug}?lang=es`;
    const page = await twice(path);
    const first304 = await get(path, [["If-None-Match", page.headers.etag ?? ""]]);
    expect(first304.status).toBe(304);
    expect(first304.fast).toBe(true);
    expect(first304.body).toBe("");
    expect(first304.headers.etag).toBe(page.headers.etag);
    expect(first304.headers["content-security-policy"]).toBe(
      page.headers["content-security-policy"],
    );
  });

  it("stores the flyer too", async () => {
    const c = await newCampaign(t, org.actor, { public: true });
    const flyer = await twice(`/p/${org.slug}/c/${c.slug}/flyer.pdf`);
    expect(flyer.headers["content-type"]).toBe("application/pdf");
  });

  it("leaves to Hono what it has no stored bytes for, or isn't sure about", async () => {
    const c = await newCampaign(t, org.actor, { public: true });
    const path = `/p/${org.slug}/c/${c.slug}?lang=es`;
    await twice(path);
    const cases: [string, [string, string][], string, number][] = [
      [path, [], "HEAD", 200],
      [`/p/${org.slug}/c/${c.slug}/?lang=es`, [], "GET", 404],
      [`/p/${org.slug}/c/no-existe`, [], "GET", 404],
      [
        `/p/${org.slug}/c/${c.slug}`,
        [
          ["Cookie", "a=1"],
          ["Cookie", "amparo_lang=en"],
        ],
        "GET",
        200,
      ],
      ["/people", [], "GET", 303],
    ];
    for (const [p, raw, method, status] of cases) {
      const res = await get(p, raw, method);
      expect(res.fast, `${method} ${p} ${JSON.stringify(raw)}`).toBe(false);
      expect(res.status, `${method} ${p}`).toBe(status);
    }
    // A 404 is never stored.
    expect((await get(`/p/${org.slug}/c/no-existe`)).fast).toBe(false);
  });

  it("stops serving stored bytes the moment a gift is recorded", async () => {
    const c = await newCampaign(t, org.actor, { public: true });
    const path = `/p/${org.slug}/c/${c.slug}?lang=en`;
    await twice(path);
    await give(t, org.actor, c.id, 4_200);
    const after = await get(path);
    expect(after.fast).toBe(false);
    expect(after.body).toContain("$42.00");
    expect((await get(path)).fast).toBe(true);
  });
});
