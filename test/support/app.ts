import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { createApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import type { Database } from "../../src/db/client";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import type { Actor, Deps } from "../../src/platform/actor";
import { createApiToken } from "../../src/platform/api-tokens";
import { createCipher } from "../../src/platform/crypto";
import { openTestDatabase, type StoreKind } from "./stores";

export type TestApp = {
  app: ReturnType<typeof createApp>;
  database: Database;
  deps: Deps;
  close(): Promise<void>;
};

/**
 * The real app on a fresh database of its own, called in-process with no port.
 * `env` adds settings (AMPARO_PUBLIC_URL, TWILIO_*...) as the environment would.
 */
export async function createTestApp(
  kind: StoreKind,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const cipher = createCipher(randomBytes(32));
  const dataDir = mkdtempSync(join(tmpdir(), "amparo-test-"));
  const config = loadConfig({ AMPARO_DATA_DIR: dataDir, ...env });
  const app = createApp({ database, cipher, config });
  const close = async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, database, deps: app.deps, close };
}

export const PASSWORD = "correct horse battery";
let counter = 0;

/** An organization and its owner; a second call makes a second, separate organization. */
export async function createOrg(t: TestApp, name = "Comité Vecinal de Prueba") {
  counter += 1;
  const slug = `org-${counter}-${randomBytes(3).toString("hex")}`;
  const email = `owner-${slug}@example.org`;
  const created = await setupOrganization(
    t.database.db,
    {
      org_name: name,
      slug,
      time_zone: "America/Los_Angeles",
      default_language: "es",
      owner_name: "Dueña de Prueba",
      email,
      password: PASSWORD,
    },
    { onlyIfFirst: false },
  );
  const actor: Actor = { orgId: created.orgId, userId: created.userId, role: "owner" };
  return { ...created, email, actor };
}

export async function apiTokenFor(t: TestApp, actor: Actor): Promise<string> {
  return createApiToken(t.database.db, actor, "test");
}

/** A cookie-keeping client that fills in the CSRF token like a browser form would. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(
    private readonly t: TestApp,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: "GET", headers });
  }

  async post(path: string, form: Record<string, string>, options: { csrf?: string | null } = {}) {
    if (!this.cookies.has("amparo_csrf")) await this.get("/login");
    const csrf = options.csrf === undefined ? this.cookies.get("amparo_csrf") : options.csrf;
    const body = new URLSearchParams({ ...form, ...(csrf ? { _csrf: csrf } : {}) });
    return this.send(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await this.t.app.request(path, {
      ...init,
      headers: {
        ...this.headers,
        ...(init.headers as Record<string, string>),
        ...(cookie ? { cookie } : {}),
      },
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const [name = "", ...rest] = pair.split("=");
      const value = rest.join("=");
      if (/max-age=0/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

export async function signedIn(t: TestApp, email: string, password = PASSWORD, lang = "es") {
  const client = new Client(t, { "accept-language": lang });
  await client.get("/login");
  const res = await client.post("/login", { email, password });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return client;
}

/** Posts `form` as `client` and expects it refused with 422 (the form again): its HTML. */
export async function refusedForm(
  client: Client,
  path: string,
  form: Record<string, string>,
  options: { csrf?: string | null } = {},
): Promise<string> {
  const res = await client.post(path, form, options);
  expect(res.status, path).toBe(422);
  return res.text();
}

/**
 * Posts a new record's form to `path` (/people, /actions…) as `client` and expects the
 * redirect to its page with done=created: the new record's id.
 */
export async function createdWith(
  client: Client,
  path: string,
  form: Record<string, string>,
): Promise<string> {
  const res = await client.post(path, form);
  expect(res.status, await res.clone().text()).toBe(303);
  const created = new RegExp(`^${path}/([0-9a-f-]{36})\\?done=created$`);
  const id = created.exec(res.headers.get("location") ?? "")?.[1];
  expect(id).toBeTruthy();
  return id ?? "";
}
