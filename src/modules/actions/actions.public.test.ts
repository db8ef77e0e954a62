import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { eventInput, makeEvent } from "../../../test/support/actions";
import { Client, refusedForm } from "../../../test/support/app";
import { newCampaign } from "../../../test/support/funds";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";
import { driveInput } from "../../../test/support/supplies";
import { createDrive } from "../supplies/create-drive";
import { RSVP_RATE_LIMIT } from "./actions.public";
import { actionsPublicText } from "./actions-public.messages";
import { setEventStatus } from "./set-event-status";
import { updateEvent } from "./update-event";

// The public action page, its RSVP form, calendars and flyer, as an anonymous visitor.
const p = actionsPublicText;

function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe.each(STORES)("public action pages on %s", (store) => {
  const s = orgApp(store);
  let slug: string;
  let eventId: string;
  const start = new Date("2031-11-02T01:30:00Z"); // 18:30 on 1 Nov in Los Angeles (daylight time)

  beforeAll(async () => {
    const event = await makeEvent(s.t.deps, s.org.actor, {
      titleEs: "Vigilia <script>alert(1)</script>",
      titleEn: "Candlelight vigil",
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
      public: true,
    });
    slug = event.slug;
    eventId = event.id;
    await setEventStatus(s.t.deps, s.org.actor, event.id, "planned");
    await makeEvent(s.t.deps, s.org.actor, { public: false, titleEs: "Reunión privada" });
  });

  const visitor = (lang = "es", ip = "203.0.113.9") =>
    new Client(s.t, { "accept-language": lang, "x-test-ip": ip });

  it("shows the action in both languages, escaped, with the RSVP form; drafts and private ones are 404", async () => {
    const es = await (await visitor().get(`/p/${s.org.slug}/e/${slug}`)).text();
    expect(es).toContain("Vigilia &lt;script&gt;");
    expect(es).not.toContain("<script>alert");
    expect(es).toContain(p.es.rsvp_heading);
    expect(es).toContain('name="website"');
    const en = await (await visitor("en").get(`/p/${s.org.slug}/e/${slug}?lang=en`)).text();
    expect(en).toContain("Candlelight vigil");
    expect(en).toContain(p.en.rsvp_heading);
    const draft = await makeEvent(s.t.deps, s.org.actor, { public: true });
    expect((await visitor().get(`/p/${s.org.slug}/e/${draft.slug}`)).status).toBe(404);
    expect((await visitor().get(`/p/${s.org.slug}/e/no-existe`)).status).toBe(404);
    const list = await (await visitor().get(`/p/${s.org.slug}`)).text();
    expect(list).toContain(`/p/${s.org.slug}/e/${slug}`);
    expect(list).not.toContain("Reunión privada");
    expect(list).not.toContain(draft.slug);
  });

  it("takes an RSVP, keeps what was typed on error, ignores bots and limits floods", async () => {
    const v = visitor("es", "198.51.100.1");
    const html = await refusedForm(
      v,
      `/p/${s.org.slug}/e/${slug}/rsvp`,
      { name: "Chayo Prueba", email: "no-es-correo", language: "es" },
      { csrf: null },
    );
    expect(html).toContain('value="Chayo Prueba"');
    const ok = await v.post(
      `/p/${s.org.slug}/e/${slug}/rsvp`,
      { name: "Chayo Prueba", email: "chayo@example.org", language: "es", status: "going" },
      { csrf: null },
    );
    expect(ok.status).toBe(303);
    const thanks = await (await v.get(ok.headers.get("location") ?? "")).text();
    expect(thanks).toContain(p.es.thanks);
    const bot = await v.post(
      `/p/${s.org.slug}/e/${slug}/rsvp`,
      { name: "Bot", email: "bot@example.org", language: "es", website: "http://spam.example" },
      { csrf: null },
    );
    expect(bot.status).toBe(303);
    const rows = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM action_attendances WHERE event_id = ${eventId}`,
    );
    expect(Number(rows.rows[0]?.n)).toBe(1);
    let last = 0;
    for (let i = 0; i < RSVP_RATE_LIMIT.limit + 1; i++) {
      const res = await v.post(
        `/p/${s.org.slug}/e/${slug}/rsvp`,
        { name: `Flood ${i}`, email: `flood${i}@example.org`, language: "es" },
        { csrf: null },
      );
      last = res.status;
    }
    expect(last).toBe(429);
  });

  it("serves a valid .ics with the time zone, read back by a real iCalendar parser", async () => {
    const res = await visitor().get(`/p/${s.org.slug}/e/${slug}.ics`);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const text = await res.text();
    expect(text).toContain("BEGIN:VTIMEZONE");
    expect(text).toContain("DTSTART;TZID=America/Los_Angeles:20311101T183000");
    const [event] = parseIcs(text);
    expect(event?.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    expect(event?.endDate.toJSDate().toISOString()).toBe(
      new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    );
    expect(event?.summary).toContain("Vigilia");
    const feed = await (await visitor("en").get(`/p/${s.org.slug}/events.ics?lang=en`)).text();
    const events = parseIcs(feed);
    expect(events.map((e) => e.summary)).toContain("Candlelight vigil");
    expect(feed).not.toContain("Reunión privada");
  });

  it("serves a bilingual flyer PDF", async () => {
    const res = await visitor().get(`/p/${s.org.slug}/e/${slug}/flyer.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(2000);
  });
  it("links the open public campaigns and drives from the organization's public home, never private ones", async () => {
    const before = await (await visitor().get(`/p/${s.org.slug}?lang=es`)).text();
    expect(before).not.toContain(p.es.campaigns_heading);
    await newCampaign(s.t, s.org.actor, {
      slug: "fondo-abierto",
      title: { es: "Fondo para la fianza", en: "Bond fund" },
      public: true,
    });
    await newCampaign(s.t, s.org.actor, { slug: "fondo-privado", public: false });
    await createDrive(s.t.deps, s.org.actor, driveInput("abrigos"));
    await createDrive(s.t.deps, s.org.actor, driveInput("interna", { public: false }));
    // The list was stored above; a new campaign or drive drops it at once.
    const es = await (await visitor().get(`/p/${s.org.slug}?lang=es`)).text();
    expect(es).toContain(p.es.drives_heading);
    expect(es).toContain(`/p/${s.org.slug}/s/abrigos?lang=es`);
    expect(es).not.toContain("/s/interna");
    expect(es).toContain(`/p/${s.org.slug}/c/fondo-abierto?lang=es`);
    expect(es).toContain("Fondo para la fianza");
    expect(es).not.toContain("fondo-privado");
    const en = await (await visitor("en").get(`/p/${s.org.slug}?lang=en`)).text();
    expect(en).toContain(p.en.campaigns_heading);
    expect(en).toContain("Bond fund");
  });

  it("serves the page, the list and the calendars from stored bytes, refreshed when the action changes", async () => {
    // A long slug (actions allow 80 characters) is served like any other.
    const event = await makeEvent(s.t.deps, s.org.actor, {
      titleEs: "Marcha guardada",
      public: true,
      slug: `marcha-${"larga-".repeat(11)}fin`,
    });
    expect(event.slug.length).toBeGreaterThan(70);
    await setEventStatus(s.t.deps, s.org.actor, event.id, "planned");
    const path = `/p/${s.org.slug}/e/${event.slug}?lang=es`;
    const first = await visitor().get(path);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    expect(first.headers.get("cache-control")).toBe("public, max-age=30");
    expect(await first.text()).toContain("Marcha guardada");
    // Stored: the same bytes again (If-None-Match gets a 304).
    const again = await visitor().get(path, { "if-none-match": etag });
    expect(again.status).toBe(304);
    const list = await (await visitor().get(`/p/${s.org.slug}?lang=es`)).text();
    expect(list).toContain("Marcha guardada");
    // Edited: the next visitor sees the new title on the page, the list and the .ics.
    await updateEvent(s.t.deps, s.org.actor, event.id, {
      ...eventInput({ slug: event.slug, titleEs: "Marcha renombrada", public: true }),
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    });
    const after = await visitor().get(path, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("Marcha renombrada");
    expect(await (await visitor().get(`/p/${s.org.slug}?lang=es`)).text()).toContain(
      "Marcha renombrada",
    );
    expect(await (await visitor().get(`/p/${s.org.slug}/e/${event.slug}.ics`)).text()).toContain(
      "Marcha renombrada",
    );
    // Cancelled: gone from the list at once.
    await setEventStatus(s.t.deps, s.org.actor, event.id, "cancelled");
    expect(await (await visitor().get(`/p/${s.org.slug}?lang=es`)).text()).not.toContain(
      "Marcha renombrada",
    );
  });
});
