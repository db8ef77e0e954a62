import { createHash, randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import { checkChannel, type Listener } from "../db/listen";

// Rendered bytes of public pages, kept in memory and served as they are. Pages that can go
// viral cost one render per change instead of one per visit. Entries carry tags (what they
// were built from: "campaign:<id>", "org:<id>"); whoever changes that data invalidates the
// tag, here and, through the database, on every other app instance (see CacheRelay).

export type CachedPage = {
  body: Uint8Array;
  contentType: string;
  /** Extra response headers that belong to this body (Content-Language...). */
  headers: Readonly<Record<string, string>>;
  /** Strong validator: a hash of the body, quoted. */
  etag: string;
  tags: readonly string[];
  storedAt: number;
};

export type Rendered = {
  body: Uint8Array | string;
  contentType: string;
  headers?: Record<string, string>;
  tags: readonly string[];
};

export type PageCacheOptions = {
  /** Oldest entries go first past this many (keys can come from URLs: keep it bounded). */
  maxEntries?: number;
  /**
   * Longest an entry is served, for data that sends no change signal. Changes that do
   * signal (invalidate) show up on the next request.
   */
  maxAgeMs?: number;
  now?: () => number;
};

export function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this entity tag (or is "*"). */
export function matchesEtag(ifNoneMatch: string | undefined | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly inflight = new Map<string, Promise<CachedPage | null>>();
  /** tag -> the invalidation counter when it was last invalidated. */
  private readonly invalidatedAt = new Map<string, number>();
  private counter = 0;
  /** Everything rendered before this counter is stale (clear()). */
  private clearedAt = 0;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The stored page, or null when there is none or it is too old. */
  get(key: string): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /**
   * The stored page, or renders it once (concurrent misses share one render). `render`
   * returns null for what must not be stored (a 404). A render that overlaps an
   * invalidation of one of its tags is returned but not stored: it may hold old data.
   */
  async getOrRender(
    key: string,
    render: () => Promise<Rendered | null>,
  ): Promise<CachedPage | null> {
    const hit = this.get(key);
    if (hit) return hit;
    const running = this.inflight.get(key);
    if (running) return running;
    const started = this.counter;
    const work = (async () => {
      const rendered = await render();
      if (!rendered) return null;
      const body =
        typeof rendered.body === "string" ? Buffer.from(rendered.body, "utf8") : rendered.body;
      const page: CachedPage = {
        body,
        contentType: rendered.contentType,
        headers: { ...rendered.headers },
        etag: etagOf(body),
        tags: [...rendered.tags],
        storedAt: this.now(),
      };
      if (this.freshSince(page.tags, started)) this.store(key, page);
      return page;
    })();
    this.inflight.set(key, work);
    try {
      return await work;
    } finally {
      this.inflight.delete(key);
    }
  }

  /** Drops every page built from this tag, and keeps renders already running from storing. */
  invalidate(tag: string): void {
    this.counter += 1;
    this.invalidatedAt.set(tag, this.counter);
    for (const [key, entry] of this.entries) {
      if (entry.tags.includes(tag)) this.entries.delete(key);
    }
    // The marks only matter to renders running now; keep the map from growing forever.
    if (this.inflight.size === 0) this.invalidatedAt.clear();
  }

  /** Drops everything (e.g. notifications may have been missed). */
  clear(): void {
    this.counter += 1;
    this.clearedAt = this.counter;
    this.entries.clear();
    if (this.inflight.size === 0) this.invalidatedAt.clear();
  }

  private freshSince(tags: readonly string[], started: number): boolean {
    if (this.clearedAt > started) return false;
    return tags.every((t) => (this.invalidatedAt.get(t) ?? 0) <= started);
  }

  private store(key: string, page: CachedPage): void {
    this.entries.delete(key);
    this.entries.set(key, page);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/**
 * Carries invalidations between app instances over LISTEN/NOTIFY: `invalidate(tag)` drops
 * the tag here at once, then tells the others with one pg_notify per `delayMs` however many
 * tags changed meanwhile. A lost listening connection clears the whole cache when it is back.
 *
 * NOTIFY makes its transaction write a commit record; sent with synchronous_commit off it
 * doesn't wait for the disk (a notification lost in a crash only costs freshness, and
 * listeners clear everything when they reconnect), so busy donations don't pay a second
 * fsync each.
 */
export class CacheRelay {
  private readonly instance = randomUUID();
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private listener: Listener | null = null;
  private stopped = false;

  constructor(
    private readonly database: Pick<Database, "exec" | "listen">,
    private readonly cache: PageCache,
    private readonly channel: string,
    private readonly onStop: () => void = () => {},
    private readonly delayMs = 20,
  ) {
    checkChannel(channel);
  }

  /** Starts listening; safe to call without awaiting (errors are swallowed and retried). */
  async start(): Promise<void> {
    this.listener = await this.database.listen(this.channel, {
      message: (payload) => this.receive(payload),
      reset: () => this.cache.clear(),
      closed: () => {
        this.stopped = true;
        this.onStop();
      },
    });
  }

  invalidate(tag: string): void {
    if (!TAG.test(tag)) throw new Error(`not a cache tag: ${tag}`);
    this.cache.invalidate(tag);
    if (this.stopped) return;
    this.pending.add(tag);
    if (!this.flushing) this.flushing = this.flushSoon();
  }

  /** Resolves once everything invalidated so far has been sent. */
  async flushed(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.listener?.stop();
  }

  private async flushSoon(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    try {
      while (this.pending.size > 0 && !this.stopped) {
        const tags = [...this.pending];
        this.pending = new Set();
        for (const payload of packPayloads(this.instance, tags)) {
          await this.notify(payload);
        }
      }
    } finally {
      this.pending.clear();
      this.flushing = null;
    }
  }

  private async notify(payload: string): Promise<void> {
    try {
      // One round trip, no parameters (they'd forbid several statements): the payload is
      // quoted here, and tags are checked to be plain words.
      await this.database.exec(
        `BEGIN; SET LOCAL synchronous_commit TO OFF; SELECT pg_notify('${this.channel}', '${payload.replaceAll("'", "''")}'); COMMIT;`,
      );
    } catch {
      // The database is closing or gone; other instances fall back on maxAgeMs.
    }
  }

  private receive(payload: string): void {
    const [from, ...tags] = payload.split(" ");
    if (from === this.instance) return;
    for (const tag of tags) if (tag) this.cache.invalidate(tag);
  }
}

// NOTIFY payloads are limited to 8000 bytes; tags are words like "campaign:<uuid>".
const MAX_PAYLOAD = 7000;
const TAG = /^[A-Za-z0-9:_.-]{1,200}$/;

export function packPayloads(instance: string, tags: readonly string[]): string[] {
  const out: string[] = [];
  let current = instance;
  for (const tag of tags) {
    if (current.length + 1 + tag.length > MAX_PAYLOAD && current !== instance) {
      out.push(current);
      current = instance;
    }
    current += ` ${tag}`;
  }
  if (current !== instance) out.push(current);
  return out;
}
