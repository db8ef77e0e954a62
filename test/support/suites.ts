import { afterAll, beforeAll } from "vitest";
import type { Actor } from "../../src/platform/actor";
import { createOrg, createTestApp, type TestApp } from "./app";
import type { StoreKind } from "./stores";

/** An app with two organizations: the one the tests act in, and another that must stay apart. */
export type TwoOrgs = { t: TestApp; actor: Actor; other: Actor };

/**
 * Two organizations' owners on a fresh app on `store`, built before the tests of the calling
 * describe block and closed after them (for operations tests). The fields are there once
 * the block's tests run.
 */
export function twoOrgs(store: StoreKind): TwoOrgs {
  const s = {} as TwoOrgs;
  beforeAll(async () => {
    s.t = await createTestApp(store);
    s.actor = (await createOrg(s.t)).actor;
    s.other = (await createOrg(s.t, "Otra Organización")).actor;
  });
  afterAll(() => s.t.close());
  return s;
}
