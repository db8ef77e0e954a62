import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../test/support/api";
import {
  apiTokenFor,
  Client,
  createOrg,
  createTestApp,
  PASSWORD,
  signedIn,
  type TestApp,
} from "../../test/support/app";
import { DEFAULT_STORE } from "../../test/support/stores";
import { acceptInvitation, inviteUser } from "../modules/accounts/invitations";
import { assetUrl } from "./assets";

// Every response carries the strict headers; no page makes the browser talk to
// another host; the few assets pages need are served by Amparo itself.
function expectStrictHeaders(res: Response, label: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values] as const),
  );
  expect(csp, label).not.toMatch(
    /unsafe-inline|unsafe-eval|unsafe-hashes|\*|https?:|data:.*script/,
  );
  expect(directives.get("default-src"), label).toEqual(["'self'"]);
  expect(directives.get("script-src"), label).toEqual(["'self'"]);
  expect(directives.get("style-src"), label).toEqual(["'self'"]);
  expect(directives.get("frame-ancestors"), label).toEqual(["'none'"]);
  expect(directives.get("object-src"), label).toEqual(["'none'"]);
  expect(directives.get("base-uri"), label).toEqual(["'none'"]);
  expect(directives.get("form-action"), label).toEqual(["'self'"]);
  expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(res.headers.get("x-frame-options"), label).toBe("DENY");
  expect(res.headers.get("referrer-policy"), label).toBe("no-referrer");
}

/** Every URL a page makes the browser load or go to. */
function urlsIn(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(
    /\s(?:src|href|action|formaction|poster|data|srcset|hx-\w+)="([^"]*)"/g,
  )) {
    urls.push(m[1] ?? "");
  }
  for (const m of html.matchAll(/url\(\s*['"]?([^'")]+)/g)) urls.push(m[1] ?? "");
  return urls;
}

const isOffSite = (url: string) =>
  /^(https?:)?\/\//i.test(url.trim()) && !/^(https?:)?\/\/localhost(\/|:|$)/i.test(url.trim());

function expectSelfContained(html: string, label: string) {
  const offsite = urlsIn(html).filter(isOffSite);
  expect(offsite, label).toEqual([]);
  // No inline script or style for the CSP to block, and no inline handlers.
  for (const m of html.matchAll(/<script\b([^>]*)>/g))
    expect(m[1], label).toMatch(/\ssrc="\/assets\//);
  expect(html, label).not.toMatch(/<style\b/);
  expect(html, label).not.toMatch(/\sstyle="/);
  expect(html, label).not.toMatch(/\son[a-z]+="/);
  expect(html, label).not.toMatch(/javascript:/i);
}

describe("security headers and self-contained pages", () => {
  let t: TestApp;
  let owner: Client;
  let personId = "";
  let inviteToken = "";
  const seen: string[] = [];

  async function page(client: Client, path: string, status = 200) {
    const res = await client.get(path);
    expect(res.status, path).toBe(status);
    expectStrictHeaders(res, path);
    const html = await res.text();
    if (res.headers.get("content-type")?.includes("text/html")) {
      expectSelfContained(html, path);
      seen.push(html);
    }
    return html;
  }

  beforeAll(async () => {
    t = await createTestApp(DEFAULT_STORE);
  });
  afterAll(() => t.close());

  it("holds on the first-run setup page and its errors", async () => {
    const client = new Client(t);
    const redirect = await client.get("/");
    expect(redirect.status).toBe(303);
    expectStrictHeaders(redirect, "redirect to /setup");
    await page(client, "/setup");
    const invalid = await client.post("/setup", { org_name: "" });
    expect(invalid.status).toBe(422);
    expectStrictHeaders(invalid, "setup 422");
    expectSelfContained(await invalid.text(), "setup 422");
  });

  it("holds on every signed-in page, error page and form response", async () => {
    const org = await createOrg(t);
    owner = await signedIn(t, org.email);
    const created = await owner.post("/people", {
      display_name: "Visitante http://evil.example/x.js",
      notes:
        '<img src="https://tracker.example/pixel.gif"> <script src="//cdn.example/x.js"></script>',
      tags: "https://evil.example",
      emails: "persona@example.org",
      phones: "555 010 3344",
    });
    expect(created.status).toBe(303);
    personId = /\/people\/([0-9a-f-]{36})/.exec(created.headers.get("location") ?? "")?.[1] ?? "";
    const { token } = await inviteUser(t.database.db, org.actor, {
      email: "lectora@example.org",
      role: "viewer",
    });
    inviteToken = token;

    for (const path of [
      "/",
      "/people",
      "/people?q=visitante",
      "/people/new",
      `/people/${personId}`,
      `/people/${personId}/edit`,
      `/people/${personId}/delete`,
      "/users",
    ]) {
      await page(owner, path);
    }
    await page(owner, "/nope", 404);
    await page(owner, "/people/00000000-0000-0000-0000-000000000000", 404);
    await page(new Client(t), `/invite/${inviteToken}`);
    await page(new Client(t), "/invite/unknown", 404);
    await page(new Client(t), "/login");
    await page(new Client(t), "/login?expired=1");

    const sensitive = await owner.post(`/people/${personId}/sensitive`, {});
    expectStrictHeaders(sensitive, "sensitive");
    expectSelfContained(await sensitive.text(), "sensitive");
    const invalid = await owner.post("/people", { display_name: "" });
    expectStrictHeaders(invalid, "people 422");
    expectSelfContained(await invalid.text(), "people 422");
    const forbidden = await owner.post("/people", { display_name: "x" }, { csrf: null });
    expect(forbidden.status).toBe(403);
    expectStrictHeaders(forbidden, "csrf 403");
    const wrong = await new Client(t).post("/login", {
      email: org.email,
      password: "wrong password",
    });
    expect(wrong.status).toBe(401);
    expectStrictHeaders(wrong, "login 401");

    await acceptInvitation(t.database.db, inviteToken, { name: "Lectora", password: PASSWORD });
    const viewer = await signedIn(t, "lectora@example.org");
    await page(viewer, "/users", 403);
    await page(viewer, "/people/new", 403);
  });

  it("shows user-typed URLs as text, never as links or resources", () => {
    const person = seen.find((html) => html.includes("Visitante http://evil.example/x.js"));
    expect(person).toBeDefined();
    expect(urlsIn(person ?? "").filter(isOffSite)).toEqual([]);
  });

  it("sets the same headers on JSON API answers, errors included", async () => {
    const org = await createOrg(t, "Con API");
    const api = apiClient(t, await apiTokenFor(t, org.actor));
    for (const [label, res] of [
      ["openapi", await t.app.request("/api/v1/openapi.json")],
      ["healthz", await t.app.request("/healthz")],
      ["401", await t.app.request("/api/v1/people")],
      ["404", await t.app.request("/api/v1/nope")],
    ] as const) {
      expectStrictHeaders(res, label);
    }
    const list = await api.get("/api/v1/people");
    expect(list.headers.get("x-content-type-options")).toBe("nosniff");
    expect(list.headers.get("cache-control")).toBe("no-store");
  });

  it("serves htmx, the stylesheet and the icon itself, and everything pages point at", async () => {
    const local = new Set<string>();
    for (const html of seen) {
      for (const url of urlsIn(html)) if (url.startsWith("/assets/")) local.add(url);
    }
    expect(local).toContain(assetUrl("htmx.min.js"));
    expect(local).toContain(assetUrl("app.css"));
    for (const url of local) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(200);
      expectStrictHeaders(res, url);
    }
    const js = await t.app.request("/assets/htmx.min.js");
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain("htmx");
    const css = await t.app.request("/assets/app.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    const stylesheet = await css.text();
    expect(stylesheet.length).toBeGreaterThan(100);
    expect(urlsIn(stylesheet).filter(isOffSite)).toEqual([]);
    expect(stylesheet).not.toMatch(/@import\s+(url\()?['"]?(https?:)?\/\//);
    for (const missing of [
      "/assets/nope.js",
      "/assets/..%2Fapp.ts",
      "/assets/%2e%2e%2fcrypto.ts",
    ]) {
      expect((await t.app.request(missing)).status, missing).toBe(404);
    }
  });

  it("asks browsers to stay on https only when the request came over https", async () => {
    const overHttps = await t.app.request("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=31536000");
    const overHttp = await t.app.request("/login");
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
  });

  it("serves assets compressed, and fingerprinted names for a year", async () => {
    const hashed = assetUrl("htmx.min.js");
    expect(hashed).toMatch(/^\/assets\/htmx\.min\.[0-9a-f]{10}\.js$/);
    const plain = await t.app.request("/assets/htmx.min.js");
    const br = await t.app.request(hashed, { headers: { "accept-encoding": "gzip, deflate, br" } });
    const gzip = await t.app.request(hashed, { headers: { "accept-encoding": "gzip" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(plain.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const brBytes = (await br.arrayBuffer()).byteLength;
    const gzipBytes = new Uint8Array(await gzip.arrayBuffer());
    expect(brBytes).toBeLessThan(plainBytes / 2);
    expect(gunzipSync(gzipBytes).byteLength).toBe(plainBytes);
  });

  it("keeps htmx from evaluating code", () => {
    for (const html of seen) {
      const config = /<meta name="htmx-config" content="([^"]*)"/.exec(html)?.[1] ?? "";
      expect(config.replaceAll("&quot;", '"')).toContain('"allowEval":false');
    }
  });
});
