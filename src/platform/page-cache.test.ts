import { describe, expect, it } from "vitest";
import type { ListenHandlers } from "../db/listen";
import { CacheRelay, matchesEtag, PageCache, packPayloads, type Rendered } from "./page-cache";

const page = (body: string, tags: string[] = ["campaign:a"]): Rendered => ({
  body,
  contentType: "text/html; charset=utf-8",
  tags,
});

/** A render that waits until the test lets it finish. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe("PageCache", () => {
  it("renders once, then serves the stored bytes with a stable ETag", async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = async () => {
      renders += 1;
      return page("<p>hola</p>");
    };
    const first = await cache.getOrRender("k", render);
    const second = await cache.getOrRender("k", render);
    expect(renders).toBe(1);
    expect(second).toBe(first);
    expect(Buffer.from(first?.body ?? []).toString()).toBe("<p>hola</p>");
    expect(first?.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first?.headers).toEqual({});
  });

  it("shares one render among concurrent misses of the same key", async () => {
    const cache = new PageCache();
    const g = gate();
    let renders = 0;
    const render = async () => {
      renders += 1;
      await g.opened;
      return page("x");
    };
    const all = Promise.all([1, 2, 3, 4, 5].map(() => cache.getOrRender("k", render)));
    g.open();
    const pages = await all;
    expect(renders).toBe(1);
    expect(new Set(pages).size).toBe(1);
  });

  it("stores nothing for a render that returns null (a 404)", async () => {
    const cache = new PageCache();
    expect(await cache.getOrRender("k", async () => null)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("does not store a failed render, and tries again next time", async () => {
    const cache = new PageCache();
    await expect(
      cache.getOrRender("k", async () => {
        throw new Error("database down");
      }),
    ).rejects.toThrow("database down");
    expect((await cache.getOrRender("k", async () => page("ok")))?.etag).toBeTruthy();
  });

  it("invalidating a tag drops exactly the pages built from it", async () => {
    const cache = new PageCache();
    await cache.getOrRender("a-es", async () => page("a", ["campaign:a", "org:1"]));
    await cache.getOrRender("a-en", async () => page("a", ["campaign:a", "org:1"]));
    await cache.getOrRender("b-es", async () => page("b", ["campaign:b", "org:1"]));
    cache.invalidate("campaign:a");
    expect(cache.get("a-es")).toBeNull();
    expect(cache.get("a-en")).toBeNull();
    expect(cache.get("b-es")).not.toBeNull();
    cache.invalidate("org:1");
    expect(cache.size).toBe(0);
  });

  it("never stores a render that overlapped an invalidation of its data", async () => {
    const cache = new PageCache();
    const g = gate();
    const running = cache.getOrRender("k", async () => {
      await g.opened;
      return page("old total");
    });
    cache.invalidate("campaign:a"); // a gift committed while the old page was rendering
    g.open();
    expect(Buffer.from((await running)?.body ?? []).toString()).toBe("old total");
    expect(cache.get("k")).toBeNull();
    const next = await cache.getOrRender("k", async () => page("new total"));
    expect(Buffer.from(next?.body ?? []).toString()).toBe("new total");
    expect(cache.get("k")).not.toBeNull();
  });

  it("an invalidation of another tag does not spoil a running render", async () => {
    const cache = new PageCache();
    const g = gate();
    const running = cache.getOrRender("k", async () => {
      await g.opened;
      return page("a", ["campaign:a"]);
    });
    cache.invalidate("campaign:b");
    g.open();
    await running;
    expect(cache.get("k")).not.toBeNull();
  });

  it("clear() drops everything, including renders still running", async () => {
    const cache = new PageCache();
    await cache.getOrRender("a", async () => page("a"));
    const g = gate();
    const running = cache.getOrRender("b", async () => {
      await g.opened;
      return page("b", ["campaign:b"]);
    });
    cache.clear();
    g.open();
    await running;
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries, dropping the oldest first", async () => {
    const cache = new PageCache({ maxEntries: 2 });
    for (const k of ["a", "b", "c"]) await cache.getOrRender(k, async () => page(k));
    expect(cache.get("a")).toBeNull();
    expect(cache.get("b")).not.toBeNull();
    expect(cache.get("c")).not.toBeNull();
  });

  it("serves an entry for maxAgeMs at most", async () => {
    let now = 1_000;
    const cache = new PageCache({ maxAgeMs: 60_000, now: () => now });
    await cache.getOrRender("k", async () => page("x"));
    now += 59_000;
    expect(cache.get("k")).not.toBeNull();
    now += 2_000;
    expect(cache.get("k")).toBeNull();
  });
});

describe("matchesEtag", () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ["*", true],
    ['"abd"', false],
    ["", false],
    [undefined, false],
  ])("If-None-Match %s -> %s", (header, expected) => {
    expect(matchesEtag(header, etag)).toBe(expected);
  });
});

describe("packPayloads", () => {
  it("puts the sender first and splits long lists under NOTIFY's 8000-byte limit", () => {
    const tags = Array.from({ length: 300 }, (_, i) => `campaign:${String(i).padStart(36, "0")}`);
    const payloads = packPayloads("me", tags);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) {
      expect(p.startsWith("me ")).toBe(true);
      expect(Buffer.byteLength(p)).toBeLessThan(8000);
    }
    expect(payloads.flatMap((p) => p.split(" ").slice(1))).toEqual(tags);
    expect(packPayloads("me", [])).toEqual([]);
  });
});

/** A database stand-in: records NOTIFYs and lets the test deliver messages. */
function fakeDatabase() {
  const sent: string[] = [];
  let handlers: ListenHandlers | null = null;
  const database = {
    exec: async (text: string) => {
      expect(text).toMatch(/^BEGIN; SET LOCAL synchronous_commit TO OFF; SELECT pg_notify/);
      sent.push(/pg_notify\('[a-z_]+', '([^']*)'\)/.exec(text)?.[1] ?? "");
    },
    listen: async (_channel: string, h: ListenHandlers) => {
      handlers = h;
      return {
        stop: async () => {
          h.closed?.();
        },
      };
    },
  };
  return {
    database: database as unknown as ConstructorParameters<typeof CacheRelay>[0],
    sent,
    deliver: (payload: string) => handlers?.message(payload),
    reset: () => handlers?.reset?.(),
  };
}

describe("CacheRelay", () => {
  /** A relay listening on a fake database, over a cache holding page "k" (tagged campaign:a). */
  async function relayOverPage() {
    const fake = fakeDatabase();
    const cache = new PageCache();
    const relay = new CacheRelay(fake.database, cache, "amparo_test");
    await relay.start();
    await cache.getOrRender("k", async () => page("x", ["campaign:a"]));
    return { fake, cache, relay };
  }

  it("drops the page here at once and sends one NOTIFY per tick for all tags", async () => {
    const { fake, cache, relay } = await relayOverPage();
    relay.invalidate("campaign:a");
    relay.invalidate("campaign:b");
    relay.invalidate("campaign:a");
    expect(cache.get("k")).toBeNull();
    await relay.flushed();
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]?.split(" ").slice(1)).toEqual(["campaign:a", "campaign:b"]);
  });

  it("invalidates what other instances announce, and ignores its own echo", async () => {
    const { fake, cache, relay } = await relayOverPage();
    relay.invalidate("campaign:zzz");
    await relay.flushed();
    const own = fake.sent[0] ?? "";
    await cache.getOrRender("k2", async () => page("y", ["campaign:zzz"]));
    fake.deliver(own);
    expect(cache.get("k2")).not.toBeNull();
    fake.deliver("another-instance campaign:a");
    expect(cache.get("k")).toBeNull();
  });

  it("clears everything when the listening connection comes back (it may have missed news)", async () => {
    const { fake, cache } = await relayOverPage();
    fake.reset();
    expect(cache.size).toBe(0);
  });

  it("refuses tags that could break out of the NOTIFY statement", async () => {
    const relay = new CacheRelay(fakeDatabase().database, new PageCache(), "amparo_test");
    expect(() => relay.invalidate("campaign:a'); DROP TABLE x; --")).toThrow();
    expect(
      () => new CacheRelay(fakeDatabase().database, new PageCache(), "bad; channel"),
    ).toThrow();
  });

  it("tells its owner when the database closes, and stops sending", async () => {
    const fake = fakeDatabase();
    let stopped = 0;
    const relay = new CacheRelay(fake.database, new PageCache(), "amparo_test", () => {
      stopped += 1;
    });
    await relay.start();
    await relay.stop();
    expect(stopped).toBe(1);
    relay.invalidate("campaign:a");
    await relay.flushed();
    expect(fake.sent).toEqual([]);
  });
});
