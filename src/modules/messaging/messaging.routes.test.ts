import { describe, expect, it } from "vitest";
import { createOrg, refusedForm, signedIn } from "../../../test/support/app";
import { addMember } from "../../../test/support/members";
import { personWithConsent } from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";

describe.each(STORES)("messaging pages on %s", (store) => {
  const s = orgApp(store);

  it("shows an empty outbox that says what to do, and says sending is off", async () => {
    const page = await signedIn(s.t, s.org.email);
    const res = await page.get("/messages");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Todavía no hay mensajes");
    expect(html).toContain('href="/messages/broadcasts/new"');
  });

  it("a broadcast goes draft -> preview with counts and SMS segments -> queued; bad input keeps what was typed", async () => {
    await personWithConsent(s.t, s.org.actor, { tags: ["escuela"] });
    await personWithConsent(s.t, s.org.actor, { tags: ["escuela"], purposes: [] });
    const page = await signedIn(s.t, s.org.email);
    const badHtml = await refusedForm(page, "/messages/broadcasts", {
      channel: "sms",
      tags: "escuela",
      language: "",
      body_es: "Hola {name}, reunión mañana",
      body_en: "Hello, meeting tomorrow",
    });
    expect(badHtml).toContain("Hola {name}, reunión mañana");
    expect(badHtml).toContain("mismos campos entre llaves");
    const nobody = await page.post("/messages/broadcasts", {
      channel: "sms",
      tags: "nadie",
      language: "",
      body_es: "Hola",
      body_en: "Hi",
    });
    expect(nobody.status).toBe(422);
    expect(await nobody.text()).toContain("Nadie de este grupo puede recibirlo");

    const ok = await page.post("/messages/broadcasts", {
      channel: "sms",
      tags: "escuela",
      language: "",
      body_es: "Recordatorio: reunión el jueves, traigan sus ideas para los días de feria.",
      body_en: "Reminder: meeting Thursday.",
    });
    expect(ok.status).toBe(303);
    const preview = await page.get(ok.headers.get("location") ?? "");
    const html = await preview.text();
    expect(html).toContain("Le llegará a 1 persona.");
    expect(html).toContain("1 sin permiso para avisos");
    // "días" has í: UCS-2, 70 characters per SMS; the Spanish text is 74 -> 2 SMS.
    expect(html).toContain("Español: 2 SMS por persona");
    expect(html).toContain("Inglés: 1 SMS por persona");
    const sent = await page.post(`${ok.headers.get("location")}/send`, {});
    expect(sent.status).toBe(303);
    const outbox = await page.get(sent.headers.get("location") ?? "");
    const outboxHtml = await outbox.text();
    expect(outboxHtml).toContain("1 mensaje quedó en la cola");
    expect(outboxHtml).toContain("En espera");
    expect(outboxHtml).not.toMatch(/\+1415555\d{4}/);
  });

  it("members don't see the outbox; another organization's broadcast is 404", async () => {
    const m = await addMember(s.t, s.org.actor, "member");
    expect((await (await signedIn(s.t, m.email)).get("/messages")).status).toBe(403);
    const otherOrg = await createOrg(s.t, "Otro Grupo");
    const other = await signedIn(s.t, otherOrg.email);
    expect(
      (await other.get("/messages/broadcasts/00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404);
  });
});
