import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredAccess } from "../src/platform/authorize";
import { can } from "../src/platform/permissions";
import {
  apiTokenFor,
  type Client,
  createOrg,
  createTestApp,
  signedIn,
  type TestApp,
} from "./support/app";
import { addMember } from "./support/members";
import { DEFAULT_STORE } from "./support/stores";

// Every route of the app says who may use it (platform/authorize.ts): allow("perm"),
// signedIn, or anyone. A route without a declaration is a forgotten check, so it fails
// here; and every write route a viewer may not use answers a viewer with 403.

type Endpoint = { method: string; path: string; access: ReturnType<typeof declaredAccess> };

function endpoints(t: TestApp): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const route of t.app.routes) {
    if (route.method === "ALL") continue;
    const key = `${route.method} ${route.path}`;
    const entry = byKey.get(key) ?? { method: route.method, path: route.path, access: null };
    entry.access ??= declaredAccess(route.handler);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const fill = (path: string) =>
  path.replace(/:(\w+)(\{[^}]*\})?/g, "00000000-0000-4000-8000-000000000000");

describe("declared access on every route", () => {
  let t: TestApp;
  let viewerPage: Client;
  let viewerToken: string;

  beforeAll(async () => {
    t = await createTestApp(DEFAULT_STORE);
    const org = await createOrg(t);
    const viewer = await addMember(t, org.actor, "viewer");
    viewerPage = await signedIn(t, viewer.email);
    viewerToken = await apiTokenFor(t, viewer.actor);
  });
  afterAll(() => t?.close());

  it("finds the app's routes", () => {
    expect(endpoints(t).length).toBeGreaterThan(50);
  });

  it("declares who may use each route", () => {
    const missing = endpoints(t)
      .filter((e) => !e.access)
      .map((e) => `${e.method} ${e.path}`);
    expect(missing).toEqual([]);
  });

  it("refuses a viewer every write route their role doesn't allow", async () => {
    const refused: string[] = [];
    const checked: string[] = [];
    for (const e of endpoints(t)) {
      if (!WRITE.has(e.method) || e.access?.kind !== "permission") continue;
      if (can("viewer", e.access.permission)) continue;
      const path = fill(e.path);
      const res = path.startsWith("/api/")
        ? await t.app.request(path, {
            method: e.method,
            headers: { authorization: `Bearer ${viewerToken}`, "content-type": "application/json" },
            body: "{}",
          })
        : await viewerPage.post(path, {});
      checked.push(`${e.method} ${e.path}`);
      if (res.status !== 403) refused.push(`${e.method} ${e.path} -> ${res.status}`);
    }
    expect(checked.length).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });
});
