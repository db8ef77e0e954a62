import { expect } from "vitest";
import { createOrg, type TestApp } from "./app";
import { newCampaign } from "./funds";
import type { StoreKind } from "./stores";
import { appSuite } from "./suites";

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
  const s: PublicSite = Object.assign(
    appSuite(store, async (t) => ({
      org: await createOrg(t, "Comité Inventado del Parque"),
      other: await createOrg(t, "Otra Organización Inventada"),
    })),
    {
      get: async (path: string, headers: Record<string, string> = {}) =>
        s.t.app.request(path, { headers }),
      text: async (path: string, headers: Record<string, string> = {}) => {
        const res = await s.get(path, headers);
        expect(res.status, path).toBe(200);
        return res.text();
      },
      publicCampaign: (overrides: Record<string, unknown> = {}) =>
        newCampaign(s.t, s.org.actor, { public: true, story: STORY, ...overrides }),
    },
  );
  return s;
}
