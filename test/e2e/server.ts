import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { createApp } from "../../src/app";
import { type Config, loadConfig } from "../../src/config";
import type { Database } from "../../src/db/client";
import type { Deps } from "../../src/platform/actor";
import { createCipher } from "../../src/platform/crypto";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/browser";
import type { StoreKind } from "../support/stores";

export type RunningServer = {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  origin: string;
  database: Database;
  deps: Deps;
  close(): Promise<void>;
};

export type ServerOptions = {
  /** More settings for the app's config (e.g. Stripe keys), on top of its own data dir. */
  env?: NodeJS.ProcessEnv;
  /** Runs on the loaded config before the app is built (e.g. to hand it a fake Stripe). */
  configure?: (config: Config) => void;
};

/**
 * The real app, listening on a random port on 127.0.0.1, with a fresh database of its own
 * (or the one given, which it closes with the server).
 */
export async function startServer(
  database?: Database,
  kind?: StoreKind,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const db = database ?? (await openForBrowser(kind));
  const dataDir = mkdtempSync(join(tmpdir(), "amparo-e2e-"));
  const cipher = createCipher(randomBytes(32));
  const config = loadConfig({ ...options.env, AMPARO_DATA_DIR: dataDir });
  options.configure?.(config);
  const app = createApp({ database: db, cipher, config });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    database: db,
    deps: app.deps,
    close: async () => {
      await new Promise<void>((resolve) => {
        // Keep-alive sockets from the browser would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's first store unless told (the embedded PostgreSQL, Amparo's default store). */
async function openForBrowser(kind: StoreKind | undefined): Promise<Database> {
  // Imported late: the test stores are the ones Vitest provides, which a script has not.
  const { DEFAULT_STORE, openTestDatabase } = await import("../support/stores");
  return openTestDatabase(kind ?? DEFAULT_STORE);
}

/** Debian's Chromium, never a downloaded one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export type Viewport = { width: number; height: number };
export const PHONE: Viewport = { width: 360, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

/**
 * A browser context that speaks `lang` and records every request that leaves the app.
 * `bypassCSP` only lets the test inject axe; the app's own headers are still checked elsewhere.
 */
export async function openContext(
  browser: Browser,
  server: RunningServer,
  options: { lang: "es" | "en"; viewport: Viewport },
): Promise<{ context: BrowserContext; page: Page; foreignRequests: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: options.lang === "es" ? "es-US" : "en-US",
    extraHTTPHeaders: { "Accept-Language": options.lang === "es" ? "es-US,es;q=0.9" : "en-US,en" },
    bypassCSP: true,
    deviceScaleFactor: 1,
  });
  const foreignRequests: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("about:")) return;
    if (new URL(url).origin !== server.origin) foreignRequests.push(url);
  });
  const page = await context.newPage();
  return { context, page, foreignRequests };
}

/**
 * Per-test limit for the browser runs. They run concurrently and the suite shares two
 * cores with everything else, so this is generous; a normal run takes a fraction of it.
 */
export const E2E_TIMEOUT = 150_000;
