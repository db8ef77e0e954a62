import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createOrg, createTestApp, signedIn, type TestApp } from "./support/app";
import { STORES } from "./support/stores";

// Probe fault 4: `/funds?q=%00` answered 500 (PostgreSQL refuses NUL in text). Every list
// with a search box takes any bytes in ?q= and answers the page, never a 500.
const LISTS = [
  "/funds",
  "/people",
  "/cases",
  "/facilities",
  "/advocacy",
  "/actions",
  "/elections",
  "/outreach",
  "/messages",
  "/supplies",
  "/lessons",
  "/leaders",
];

describe.each(STORES)("search boxes on %s", (store) => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await createTestApp(store);
    const org = await createOrg(t);
    owner = await signedIn(t, org.email);
  });
  afterAll(() => t.close());

  it.each(LISTS)("%s answers a NUL or control character in q= with the page", async (path) => {
    for (const q of ["%00", "a%00b", "%01%1F%7F", "%C0%80", "%25%00_"]) {
      const res = await owner.get(`${path}?q=${q}`);
      expect(res.status, `${path}?q=${q}`).toBe(200);
    }
  });
});
