import { afterAll, beforeAll, expect } from "vitest";
import { createOrg, createTestApp, type TestApp } from "./app";
import { newCampaign } from "./funds";
import type { StoreKind } from "./stores";

/** A campaign story in both languages (invented). */
export const STORY = {
  es: "Doña Inventada vende elotes en el parque desde hace diez años.\n\nSu familia pide su ayuda.",
  en: "Doña Inventada has sold corn in the park for ten years.\n\nHer family asks for your help.",
};

type Org = Awaited<ReturnType<typeof createOrg>>;

/** What the public pages' tests share: an app, two organizations, anonymous requests. */
export type PublicSite = {
  t: TestApp;
  org: Org;
  /** A second organization, whose pages the first one's addresses must never show. */
  other: Org;
  /** An anonymous request. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** An anonymous request that must answer 200; its body. */
  text(path: string, headers?: Record<string, string>): Promise<string>;
  /** A public campaign of `org` with STORY (and `overrides`). */
  publicCampaign(overrides?: Record<string, unknown>): ReturnType<typeof newCampaign>;
};

/**
 * The public site's world on `store`, built before the tests of the calling describe block
 * and closed after them. Its fields are there once the block's tests run.
 */
export function publicSite(store: StoreKind): PublicSite {
  const s = {} as PublicSite;
  s.get = async (path, headers = {}) => s.t.app.request(path, { headers });
  s.text = async (path, headers = {}) => {
    const res = await s.get(path, headers);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  s.publicCampaign = (overrides = {}) =>
    newCampaign(s.t, s.org.actor, { public: true, story: STORY, ...overrides });
  beforeAll(async () => {
    s.t = await createTestApp(store);
    s.org = await createOrg(s.t, "Comité Inventado del Parque");
    s.other = await createOrg(s.t, "Otra Organización Inventada");
  });
  afterAll(async () => {
    await s.t?.close();
  });
  return s;
}
