import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiClient } from "../../../test/support/api";
import { apiTokenFor, Client, createOrg, refusedForm, signedIn } from "../../../test/support/app";
import { fieldErrors, fieldValue } from "../../../test/support/html";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import { appSuite } from "../../../test/support/suites";
import { CampaignFieldsSchema } from "../funds/campaign";
import { createCampaign } from "../funds/campaigns/create-campaign";

// Staff pages, the public page and pledge form, and the JSON API of supply drives, over
// HTTP in-process: what each answers, what bad input gets, what never leaks.

const uuidIn = (location: string | null) => /([0-9a-f-]{36})/.exec(location ?? "")?.[1] ?? "";

describe.each(STORES)("supply drives over HTTP (%s)", (store) => {
  const s = appSuite(store, async (t) => {
    const org = await createOrg(t, "Comité Inventado de Abasto");
    const other = await createOrg(t, "Otra Organización Inventada");
    return { org, other, page: await signedIn(t, org.email) };
  });
  let driveId = "";

  it("creates a drive from the form, keeping what was typed when something is wrong", async () => {
    const html = await refusedForm(s.page, "/supplies", {
      title_es: "",
      slug: "No Vale!",
      title_en: "x".repeat(10_000),
    });
    expect(Object.keys(fieldErrors(html))).toEqual(
      expect.arrayContaining(["title_es", "slug", "title_en"]),
    );
    expect(fieldValue(html, "slug")).toBe("No Vale!");
    const res = await s.page.post("/supplies", {
      title_es: "Ropa de invierno para el albergue",
      title_en: "Winter clothes for the shelter",
      slug: "ropa-invierno",
      description_es: "Juntamos ropa abrigadora para las familias recién llegadas.",
      serves: "shelter",
      servesNote: "Albergue Nota-Secreta-Inventada",
      open: "on",
      public: "on",
    });
    expect(res.status).toBe(303);
    driveId = uuidIn(res.headers.get("location"));
    expect(driveId).not.toBe("");
  });

  it("adds needs and a drop-off point from the dashboard, refusing a 10,000-character item", async () => {
    const huge = await s.page.post(`/supplies/${driveId}/needs`, {
      item_es: "x".repeat(10_000),
      quantity: "3",
      unit: "piece",
    });
    expect(huge.status).toBe(422);
    expect(fieldErrors(await huge.text()).item_es).toBeTruthy();
    const fractionHtml = await refusedForm(s.page, `/supplies/${driveId}/needs`, {
      item_es: "Chamarras",
      quantity: "1.5",
      unit: "piece",
    });
    expect(fieldErrors(fractionHtml).quantity).toContain("entera");
    expect(fieldValue(fractionHtml, "item_es")).toBe("Chamarras");
    for (const [es, q, urgent] of [
      ["Chamarras", "10", "on"],
      ["Calcetines", "40", ""],
      ["Gorros", "15", ""],
    ]) {
      const res = await s.page.post(`/supplies/${driveId}/needs`, {
        item_es: es ?? "",
        quantity: q ?? "",
        unit: "piece",
        urgent: urgent ?? "",
      });
      expect(res.status).toBe(303);
    }
    const point = await s.page.post(`/supplies/${driveId}/points`, {
      name: "Parroquia Inventada",
      address: "Calle Falsa 123",
      "opens.6": "09:00",
      "closes.6": "13:00",
    });
    expect(point.status).toBe(303);
    const badHours = await s.page.post(`/supplies/${driveId}/points`, {
      name: "Otro",
      "opens.1": "17:00",
      "closes.1": "09:00",
    });
    expect(badHours.status).toBe(422);
    const dash = await (await s.page.get(`/supplies/${driveId}`)).text();
    expect(dash).toContain("Chamarras");
    expect(dash).toContain("<svg");
  });

  it("serves the public page without whom it serves, and refreshes it after a pledge", async () => {
    const path = `/p/${s.org.slug}/s/ropa-invierno`;
    const before = await (await s.t.app.request(`${path}?lang=es`)).text();
    expect(before).toContain("Chamarras");
    expect(before).not.toContain("Nota-Secreta-Inventada");
    // Urgent first.
    expect(before.indexOf("Chamarras")).toBeLessThan(before.indexOf("Calcetines"));
    const visitor = new Client(s.t, { "accept-language": "es" });
    const form = await visitor.get(`${path}/pledge?lang=es`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    const needId = /name="needId" value="([0-9a-f-]{36})"/.exec(formHtml)?.[1] ?? "";
    const missingHtml = await refusedForm(visitor, `${path}/pledge?lang=es`, {
      needId,
      quantity: "2",
      name: "",
      contact: "no-es-contacto",
      language: "es",
    });
    expect(missingHtml).toContain("Marque la casilla");
    expect(missingHtml).toContain('value="no-es-contacto"');
    const ok = await visitor.post(`${path}/pledge?lang=es`, {
      needId,
      quantity: "4",
      name: "Lupita Inventada",
      contact: "555 010 2030",
      language: "es",
      consent: "yes",
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Gracias");
    const after = await (await s.t.app.request(`${path}?lang=es`)).text();
    expect(after).toContain("Faltan 6 piezas");
    expect(after).not.toContain("Lupita");
    const pdf = await s.t.app.request(`${path}/flyer.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("%PDF");
    // The shared flyer's frame (one s.page, "Español" column label) with the drive's lists.
    if (spawnSync("pdftotext", ["-v"]).status === 0) {
      const text = spawnSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: bytes })
        .stdout.toString()
        .replace(/\s+/g, " ");
      expect(text).toContain("ESPAÑOL");
      expect(text).toContain("Lo que todavía falta");
      expect(text).toContain("Still needed");
      expect(text).not.toContain("Lupita");
    }
  });

  it("thanks a bot that fills the hidden field and keeps nothing, and rate-limits a flood", async () => {
    const path = `/p/${s.org.slug}/s/ropa-invierno/pledge?lang=en`;
    const bot = new Client(s.t);
    const count = async () =>
      Number(
        (
          await s.t.database.db.execute<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM supply_pledges`,
          )
        ).rows[0]?.n,
      );
    const before = await count();
    const res = await bot.post(path, {
      website: "http://spam.example",
      name: "Bot",
      contact: "bot@example.org",
      consent: "yes",
      quantity: "1",
    });
    expect(res.status).toBe(200);
    expect(await count()).toBe(before);
    let last = 0;
    for (let i = 0; i < 12; i++)
      last = (await bot.post(path, { name: "", contact: "", quantity: "" })).status;
    expect(last).toBe(429);
  });

  it("receives at the drop-off screen in taps, and refuses delivering more than is on hand", async () => {
    const list = await (await s.page.get(`/supplies/${driveId}/receive?q=calcet`)).text();
    const needId = /\/receive\/([0-9a-f-]{36})/.exec(list)?.[1] ?? "";
    expect(list).toContain("Calcetines");
    expect(list).not.toContain("Gorros");
    const done = await s.page.post(`/supplies/${driveId}/receive/${needId}?kind=received`, {
      quantity: "12",
    });
    expect(done.status).toBe(303);
    const back = await (await s.page.get(done.headers.get("location") ?? "")).text();
    expect(back).toContain("Listo: 12 piezas");
    const over = await s.page.post(`/supplies/${driveId}/receive/${needId}?kind=delivered`, {
      quantity: "50",
      method: "pickup",
    });
    expect(over.status).toBe(409);
    expect(await over.text()).toContain("No hay tanto en existencia");
    const ok = await s.page.post(`/supplies/${driveId}/receive/${needId}?kind=delivered`, {
      other: "5",
      method: "delivery",
    });
    expect(ok.status).toBe(303);
    const csv = await s.page.get(`/supplies/${driveId}/export.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("Calcetines");
  });

  it("answers 404 for another organization's drive and 403 for a viewer's write", async () => {
    const theirs = await signedIn(s.t, s.other.email);
    expect((await theirs.get(`/supplies/${driveId}`)).status).toBe(404);
    expect(
      (await theirs.post(`/supplies/${driveId}/needs`, { item_es: "Agua", quantity: "1" })).status,
    ).toBe(404);
    const viewer = await addMember(s.t, s.org.actor, "viewer");
    const viewerPage = await signedIn(s.t, viewer.email);
    expect((await viewerPage.get(`/supplies/${driveId}`)).status).toBe(200);
    expect(
      (
        await viewerPage.post(`/supplies/${driveId}/receive/${driveId}?kind=received`, {
          quantity: "1",
        })
      ).status,
    ).toBe(403);
  });

  it("serves the API of the issue, with clear 4xx answers for bad input", async () => {
    const api = apiClient(s.t, await apiTokenFor(s.t, s.org.actor));
    const created = await api.post("/api/v1/drives", {
      slug: "agua-julio",
      title: { es: "Agua para julio" },
      public: true,
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const need = await api.post(`/api/v1/drives/${id}/needs`, {
      item: { es: "Garrafones de agua" },
      unit: "bottle",
      quantity: 20,
      urgent: true,
    });
    expect(need.status).toBe(201);
    const needId = need.json.id as string;
    for (const [body, field] of [
      [{ item: { es: "Agua" }, quantity: 1.5 }, "quantity"],
      [{ item: { es: "Agua" }, quantity: -2 }, "quantity"],
      [{ item: { es: "Agua" }, quantity: 0 }, "quantity"],
      [{ item: { es: "x".repeat(10_000) }, quantity: 1 }, "item.es"],
    ] as const) {
      const res = await api.post(`/api/v1/drives/${id}/needs`, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(422);
      expect(Object.keys(res.json.error.fields)).toContain(field);
    }
    const pledges = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.post(`/api/v1/drives/${id}/pledges`, { need_id: needId, quantity: 3 }),
      ),
    );
    expect(new Set(pledges.map((p) => p.json.id)).size).toBe(1);
    expect(
      (
        await api.post(`/api/v1/drives/${id}/movements`, {
          need_id: needId,
          kind: "received",
          quantity: 8,
        })
      ).status,
    ).toBe(201);
    const over = await api.post(`/api/v1/drives/${id}/movements`, {
      need_id: needId,
      kind: "delivered",
      quantity: 9,
    });
    expect(over.status).toBe(409);
    expect(over.json.error.code).toBe("not_enough_stock");
    expect(
      (
        await api.post(`/api/v1/drives/${id}/movements`, {
          need_id: needId,
          kind: "delivered",
          quantity: 5,
        })
      ).status,
    ).toBe(201);
    const drive = await api.get(`/api/v1/drives/${id}`);
    expect(drive.json.needs[0]).toMatchObject({
      needed: 20,
      pledged: 3,
      received: 8,
      delivered: 5,
      still_needed: 9,
    });
    const theirs = apiClient(s.t, await apiTokenFor(s.t, s.other.actor));
    expect((await theirs.get(`/api/v1/drives/${id}`)).status).toBe(404);
    expect(
      (
        await theirs.post(`/api/v1/drives/${id}/movements`, {
          need_id: needId,
          kind: "received",
          quantity: 1,
        })
      ).status,
    ).toBe(404);
    const doc = await (await s.t.app.request("/api/v1/openapi.json")).json();
    for (const p of [
      "/api/v1/drives",
      "/api/v1/drives/{id}",
      "/api/v1/drives/{id}/needs",
      "/api/v1/drives/{id}/pledges",
      "/api/v1/drives/{id}/movements",
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
  it("shows the deposits page and keeps what was typed when the amount is wrong", async () => {
    const empty = await s.page.get("/supplies/deposits");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("Primero crea un fondo");
    const fund = await createCampaign(
      s.t.deps,
      s.org.actor,
      CampaignFieldsSchema.parse({
        slug: "fondo-deposito",
        title: { es: "Fondo inventado", en: "Invented fund" },
        goalCents: 50_000,
      }),
    );
    const html = await refusedForm(s.page, "/supplies/deposits", {
      campaignId: fund.id,
      kind: "commissary",
      amount: "diez",
      facility: "Centro Inventado",
    });
    expect(fieldValue(html, "facility")).toBe("Centro Inventado");
    expect(fieldErrors(html).amount).toBeTruthy();
    const viewer = await addMember(s.t, s.org.actor, "viewer", "Observadora Inventada");
    expect((await (await signedIn(s.t, viewer.email)).get("/supplies/deposits")).status).toBe(403);
  });
});
