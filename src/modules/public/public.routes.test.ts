import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { give, newCampaign } from "../../../test/support/funds";
import { publicSite } from "../../../test/support/public";
import { STORES } from "../../../test/support/stores";
import { createApp } from "../../app";
import { loadConfig } from "../../config";
import { assetUrl } from "../../platform/assets";
import { common } from "../../platform/common.messages";
import { createCipher } from "../../platform/crypto";
import type { AppEnv } from "../../platform/http";
import { updateCampaign } from "../funds/campaigns/update-campaign";
import { recordDonation } from "../funds/gifts/record-donation";
import { publicPages } from "./public.routes";

// The public campaign page: who may see it, in which language, what it never shows, how
// little it weighs, and that a new gift shows up on the very next request. What it shows
// of a linked case and its call-in campaigns is in public-links.routes.test.ts.

describe.each(STORES)("public campaign page (%s)", (store) => {
  const s = publicSite(store);
  const { get, text, publicCampaign } = s;

  it("shows a public campaign to anyone: title, story, goal, raised, gifts, progress", async () => {
    const c = await publicCampaign({ goalCents: 1_000_000, milestonesCents: [100_000] });
    await give(s.t, s.org.actor, c.id, 12_345);
    await give(s.t, s.org.actor, c.id, 5_000);
    const res = await get(`/p/${s.org.slug}/c/${c.slug}`, { "accept-language": "es" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("set-cookie")).toBeNull();
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Fondo de defensa de Rosa");
    expect(html).toContain("Doña Inventada vende elotes");
    expect(html).toContain("$173.45");
    expect(html).toContain("$10,000.00");
    expect(html).toContain("2 donativos");
    expect(html).toContain('role="img"');
    expect(html).toContain("Próxima meta: $1,000.00. Faltan $826.55.");
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toContain("<script");
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const c = await publicCampaign();
    const first = await get(`/p/${s.org.slug}/c/${c.slug}?lang=es`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await get(`/p/${s.org.slug}/c/${c.slug}?lang=es`, {
      "if-none-match": etag ?? "",
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("a new gift shows on the very next request (the cached bytes are dropped)", async () => {
    const c = await publicCampaign();
    await give(s.t, s.org.actor, c.id, 10_000);
    const path = `/p/${s.org.slug}/c/${c.slug}?lang=en`;
    const before = await get(path);
    const html = await before.text();
    expect(html).toContain("$100.00");
    expect(html).toContain("1 gift");
    // Cached: a second request gives the very same bytes.
    expect(await text(path)).toBe(html);
    await give(s.t, s.org.actor, c.id, 2_550);
    const after = await get(path, { "if-none-match": before.headers.get("etag") ?? "" });
    expect(after.status).toBe(200);
    const fresh = await after.text();
    expect(fresh).toContain("$125.50");
    expect(fresh).toContain("2 gifts");
  });

  it("a campaign that is not public, or no longer public, is a 404", async () => {
    const hidden = await newCampaign(s.t, s.org.actor, { public: false });
    expect((await get(`/p/${s.org.slug}/c/${hidden.slug}`)).status).toBe(404);
    expect((await get(`/p/${s.org.slug}/c/${hidden.slug}/flyer.pdf`)).status).toBe(404);

    const c = await publicCampaign();
    expect((await get(`/p/${s.org.slug}/c/${c.slug}`)).status).toBe(200);
    const { id, createdAt, updatedAt, ...fields } = c;
    await updateCampaign(s.t.deps, s.org.actor, id, { ...fields, public: false });
    expect((await get(`/p/${s.org.slug}/c/${c.slug}`)).status).toBe(404);
  });

  it("another organization's slug, unknown slugs and malformed slugs are 404s", async () => {
    const c = await publicCampaign();
    for (const path of [
      `/p/${s.other.slug}/c/${c.slug}`,
      `/p/${s.other.slug}/c/${c.slug}/flyer.pdf`,
      `/p/${s.org.slug}/c/no-existe`,
      `/p/no-such-org/c/${c.slug}`,
      `/p/${s.org.slug}/c/${encodeURIComponent("<script>")}`,
      `/p/${s.org.slug}/c/${"a".repeat(300)}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("answers a missing public page in the visitor's language, linking to public pages only", async () => {
    for (const [lang, title] of [
      ["en", common.en.not_found_title],
      ["es", common.es.not_found_title],
    ] as const) {
      const res = await get(`/p/${s.org.slug}/c/no-such-campaign?lang=${lang}`, {
        "accept-language": lang === "en" ? "es" : "en",
      });
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(title);
      expect(html).toContain(`href="/p/${s.org.slug}?lang=${lang}"`);
      expect(html).not.toMatch(/href="\/"|href="\/login/);
    }
  });

  it("speaks the visitor's language, with a link to the other one", async () => {
    const c = await publicCampaign();
    const base = `/p/${s.org.slug}/c/${c.slug}`;
    const en = await text(base, { "accept-language": "en-US,en;q=0.9" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Rosa&#39;s defense fund");
    expect(en).toContain("How to give");
    expect(en).toContain('href="?lang=es"');
    expect(en).toContain(">Español</a>");

    const es = await text(base, { "accept-language": "en", cookie: "amparo_lang=es" });
    expect(es).toContain('<html lang="es">');
    expect(es).toContain("Cómo donar");
    expect(es).toContain('href="?lang=en"');

    expect(await text(`${base}?lang=en`, { cookie: "amparo_lang=es" })).toContain(
      '<html lang="en">',
    );
    // Nothing to go by: the organization's own language (Spanish here).
    expect(await text(base)).toContain('<html lang="es">');
    // The response says it depends on those headers unless ?lang decided.
    expect((await get(base)).headers.get("vary")).toBe("Accept-Language, Cookie");
    expect((await get(`${base}?lang=es`)).headers.get("vary")).toBeNull();
  });

  it("weighs under 30 KB with its stylesheet and asks no other host for anything", async () => {
    const long = "Una historia larga e inventada, con acentos: á é í ó ú ñ. ".repeat(60);
    const c = await publicCampaign({ story: { es: long, en: long } });
    await give(s.t, s.org.actor, c.id, 1_000);
    const html = await text(`/p/${s.org.slug}/c/${c.slug}?lang=es`);
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? "");
    const subresources = [...html.matchAll(/<link[^>]+href="([^"]+)"/g)]
      .map((m) => m[1] ?? "")
      .filter((href) => href.startsWith("/assets/"));
    expect(subresources).toEqual([assetUrl("public.css"), assetUrl("favicon.svg")]);
    let bytes = Buffer.byteLength(html);
    for (const href of subresources) {
      const res = await get(href);
      expect(res.status).toBe(200);
      bytes += (await res.arrayBuffer()).byteLength;
    }
    expect(bytes).toBeLessThan(30 * 1024);
    // Every link and resource is relative or on this host.
    for (const url of assets) {
      expect(
        url.startsWith("/") || url.startsWith("?") || url.startsWith("http://localhost/"),
      ).toBe(true);
    }
    expect(html).not.toMatch(/<(script|iframe|img)\b/);
  });

  it("never shows donors' names, whether or not the gift allowed it", async () => {
    const c = await publicCampaign();
    await recordDonation(s.t.deps, s.org.actor, {
      campaignId: c.id,
      amountCents: 5_000,
      method: "cash",
      donorName: "Zacarías Donante Anónimo",
      anonymous: true,
    });
    await recordDonation(s.t.deps, s.org.actor, {
      campaignId: c.id,
      amountCents: 7_000,
      method: "check",
      donorName: "Eulalia Donante Pública",
      anonymous: false,
    });
    for (const lang of ["es", "en"]) {
      const html = await text(`/p/${s.org.slug}/c/${c.slug}?lang=${lang}`);
      expect(html).not.toContain("Zacarías");
      expect(html).not.toContain("Eulalia");
      expect(html).toContain(lang === "es" ? "2 donativos" : "2 gifts");
    }
  });

  it("escapes HTML in titles and stories", async () => {
    const c = await publicCampaign({
      title: { es: "<script>alert(1)</script> Fondo", en: '<img src=x onerror="alert(1)">' },
      story: { es: "<b>negrita</b> & más", en: "</p><script>x()</script>" },
    });
    const es = await text(`/p/${s.org.slug}/c/${c.slug}?lang=es`);
    expect(es).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Fondo");
    expect(es).toContain("&lt;b&gt;negrita&lt;/b&gt; &amp; más");
    expect(es).not.toContain("<script");
    const en = await text(`/p/${s.org.slug}/c/${c.slug}?lang=en`);
    expect(en).not.toContain("<img");
    expect(en).not.toContain("<script");
  });

  it("shows only the goal until something is raised (no $0.00 raised)", async () => {
    const c = await publicCampaign({ goalCents: 1_000_000 });
    for (const [lang, goal] of [
      ["es", "Meta: $10,000.00"],
      ["en", "Goal: $10,000.00"],
    ] as const) {
      const html = await text(`/p/${s.org.slug}/c/${c.slug}?lang=${lang}`);
      expect(html).toContain(goal);
      expect(html).not.toContain("$0.00");
      expect(html).not.toContain("pub-meter");
    }
  });

  it("offers to give online only when online gifts are set up", async () => {
    const c = await publicCampaign();
    expect(await text(`/p/${s.org.slug}/c/${c.slug}?lang=en`)).not.toContain("Give online");
    const online = new Hono<AppEnv>();
    online.route(
      "/",
      publicPages({
        database: s.t.database,
        bus: s.t.deps.bus,
        publicUrl: undefined,
        onlineGiving: true,
      }).routes,
    );
    const res = await online.request(`/p/${s.org.slug}/c/${c.slug}?lang=en`);
    const html = await res.text();
    expect(html).toContain("Give online");
    expect(html).toContain(`href="/p/${s.org.slug}/c/${c.slug}/give"`);
    expect(html).toContain("Cash: hand it to any member of Comité Inventado del Parque");
  });

  it("uses AMPARO_PUBLIC_URL in share links; a forged Host never reaches other visitors", async () => {
    const c = await publicCampaign();
    const path = `/p/${s.org.slug}/c/${c.slug}?lang=es`;
    // Without a public address: relative links, the same bytes whatever Host says.
    const forged = await s.t.app.request(`http://evil.example${path}`);
    const forgedHtml = await forged.text();
    expect(forgedHtml).not.toContain("evil.example");
    const normal = await text(path);
    expect(normal).toBe(forgedHtml);
    expect(normal).toContain(`href="/p/${s.org.slug}/c/${c.slug}?lang=es"`);

    const configured = createApp({
      database: s.t.database,
      cipher: createCipher(Buffer.alloc(32, 1)),
      config: loadConfig({
        AMPARO_DATA_DIR: "/tmp/amparo-unused",
        AMPARO_PUBLIC_URL: "https://amparo.example.org/",
      }),
    });
    const html = await (await configured.request(`http://evil.example${path}`)).text();
    expect(html).toContain(`https://amparo.example.org/p/${s.org.slug}/c/${c.slug}`);
    expect(html).not.toContain("evil.example");
  });

  it("says so when a campaign is closed, instead of asking for gifts", async () => {
    const c = await publicCampaign();
    const { id, createdAt, updatedAt, ...fields } = c;
    await updateCampaign(s.t.deps, s.org.actor, id, { ...fields, open: false });
    const html = await text(`/p/${s.org.slug}/c/${c.slug}?lang=en`);
    expect(html).toContain("no longer taking gifts");
    expect(html).not.toContain("Cash:");
  });
});
