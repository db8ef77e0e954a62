import { afterAll, beforeAll } from "vitest";
import type { Actor } from "../../src/platform/actor";
import { type Client, createOrg, createTestApp, signedIn, type TestApp } from "./app";
import { addMember } from "./members";
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

/** An app with one organization, for operations tests. */
export type OneOrg = { t: TestApp; actor: Actor };

/**
 * One organization's owner on a fresh app on `store`, built before the tests of the calling
 * describe block and closed after them.
 */
export function oneOrg(store: StoreKind): OneOrg {
  const s = {} as OneOrg;
  beforeAll(async () => {
    s.t = await createTestApp(store);
    s.actor = (await createOrg(s.t)).actor;
  });
  afterAll(() => s.t.close());
  return s;
}

/** An app with one organization whose owner is signed in to the pages. */
export type OwnerPages = {
  t: TestApp;
  org: Awaited<ReturnType<typeof createOrg>>;
  owner: Client;
};

/**
 * A fresh app on `store` with one organization and its owner signed in (for page tests),
 * built before the tests of the calling describe block and closed after them.
 */
export function ownerPages(store: StoreKind): OwnerPages {
  const s = {} as OwnerPages;
  beforeAll(async () => {
    s.t = await createTestApp(store);
    s.org = await createOrg(s.t);
    s.owner = await signedIn(s.t, s.org.email);
  });
  afterAll(() => s.t.close());
  return s;
}

/** An app with one organization's owner and a treasurer (an organizer) beside them. */
export type OwnerAndTreasurer = { t: TestApp; owner: Actor; treasurer: Actor };

/** The owner and an organizer of one organization on a fresh app on `store` (for money tests). */
export function ownerAndTreasurer(store: StoreKind): OwnerAndTreasurer {
  const s = {} as OwnerAndTreasurer;
  beforeAll(async () => {
    s.t = await createTestApp(store);
    s.owner = (await createOrg(s.t)).actor;
    s.treasurer = (await addMember(s.t, s.owner, "organizer")).actor;
  });
  afterAll(() => s.t.close());
  return s;
}
