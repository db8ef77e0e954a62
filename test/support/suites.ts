import { afterAll, beforeAll } from "vitest";
import type { Actor } from "../../src/platform/actor";
import { apiClient } from "./api";
import { apiTokenFor, type Client, createOrg, createTestApp, signedIn, type TestApp } from "./app";
import { addMember } from "./members";
import type { StoreKind } from "./stores";

type Api = ReturnType<typeof apiClient>;

/** An app with two organizations: the one the tests act in, and another that must stay apart. */
export type TwoOrgs = { t: TestApp; actor: Actor; other: Actor };

/**
 * Two organizations' owners on a fresh app on `store`, built before the tests of the calling
 * describe block and closed after them (for operations tests). The fields are there once
 * the block's tests run.
 */
export function twoOrgs(store: StoreKind): TwoOrgs {
  return appSuite(store, async (t) => {
    const actor = (await createOrg(t)).actor;
    const other = (await createOrg(t, "Otra Organización")).actor;
    return { actor, other };
  });
}

/** An app with one organization, for operations tests. */
export type OneOrg = { t: TestApp; actor: Actor };

/**
 * One organization's owner on a fresh app on `store`, built before the tests of the calling
 * describe block and closed after them.
 */
export function oneOrg(store: StoreKind): OneOrg {
  return appSuite(store, async (t) => ({ actor: (await createOrg(t)).actor }));
}

/** A fresh app on `store` with no organization yet, for the describe block's tests. */
export function freshApp(store: StoreKind): { t: TestApp } {
  return appSuite(store, async () => ({}));
}

/** An organization createOrg made: its slug, its owner's email and actor. */
export type Org = Awaited<ReturnType<typeof createOrg>>;

/** An app with one organization, nobody signed in yet. */
export type OrgApp = { t: TestApp; org: Org };

/**
 * One organization on a fresh app on `store` (with the settings `env` adds), built before the
 * tests of the calling describe block and closed after them; its tests sign in as they need.
 */
export function orgApp(store: StoreKind, env: Record<string, string> = {}): OrgApp {
  return appSuite(store, async (t) => ({ org: await createOrg(t) }), env);
}

/** An app with one organization's owner on the JSON API, and another organization's. */
export type OrgApis = OrgApp & { api: Api; other: Api };

/**
 * One organization on a fresh app on `store` with API clients for its owner (`api`) and for
 * another organization's owner (`other`, whose records must stay apart), for API tests.
 */
export function orgApis(store: StoreKind): OrgApis {
  return appSuite(store, async (t) => {
    const org = await createOrg(t);
    const api = apiClient(t, await apiTokenFor(t, org.actor));
    const otherOrg = await createOrg(t, "Otra Organización");
    return { org, api, other: apiClient(t, await apiTokenFor(t, otherOrg.actor)) };
  });
}

/** An app with one organization whose owner is signed in to the pages. */
export type OwnerPages = OrgApp & { owner: Client };

/**
 * A fresh app on `store` with one organization and its owner signed in (for page tests),
 * built before the tests of the calling describe block and closed after them.
 */
export function ownerPages(store: StoreKind): OwnerPages {
  return appSuite(store, async (t) => {
    const org = await createOrg(t);
    return { org, owner: await signedIn(t, org.email) };
  });
}

/** An organization's team signed in to the pages: the owner in Spanish, an organizer in English, a viewer. */
export type TeamPages = OrgApp & { owner: Actor; es: Client; en: Client; viewer: Client };

/**
 * One organization on a fresh app on `store` with its owner (`es`), an organizer with no
 * saved language whose browser asks for English (`en`) and a viewer signed in, built before
 * the tests of the calling describe block and closed after them.
 */
export function teamPages(store: StoreKind): TeamPages {
  return appSuite(store, async (t) => {
    const org = await createOrg(t);
    const organizer = await addMember(t, org.actor, "organizer", "Organizadora Inventada");
    const viewer = await addMember(t, org.actor, "viewer", "Observadora Inventada");
    return {
      org,
      owner: org.actor,
      es: await signedIn(t, org.email, undefined, "es"),
      en: await signedIn(t, organizer.email, undefined, "en"),
      viewer: await signedIn(t, viewer.email),
    };
  });
}

/** An app with one organization's owner and a treasurer (an organizer) beside them. */
export type OwnerAndTreasurer = { t: TestApp; owner: Actor; treasurer: Actor };

/** The owner and an organizer of one organization on a fresh app on `store` (for money tests). */
export function ownerAndTreasurer(store: StoreKind): OwnerAndTreasurer {
  return appSuite(store, async (t) => {
    const owner = (await createOrg(t)).actor;
    return { owner, treasurer: (await addMember(t, owner, "organizer")).actor };
  });
}

/**
 * A fresh app on `store` (with the settings `env` adds) and what `build` makes in it, made
 * before the tests of the calling describe block (the fields are there once they run); the
 * app is closed after them.
 */
export function appSuite<S extends object>(
  store: StoreKind,
  build: (t: TestApp) => Promise<S>,
  env: Record<string, string> = {},
): S & { t: TestApp } {
  const s = {} as S & { t: TestApp };
  beforeAll(async () => {
    s.t = await createTestApp(store, env);
    Object.assign(s, await build(s.t));
  });
  afterAll(() => s.t?.close());
  return s;
}
