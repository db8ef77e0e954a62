import { describe, expect, it } from "vitest";
import { createOrg, refusedForm, signedIn } from "../../../test/support/app";
import { addMember } from "../../../test/support/members";
import { personWithConsent } from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";

describe.each(STORES)("consent on the person page on %s", (store) => {
  const s = orgApp(store);

  it("shows each contact point's consent per purpose; a grant with its wording lands in the history", async () => {
    const p = await personWithConsent(s.t, s.org.actor, { purposes: ["broadcasts"] });
    const page = await signedIn(s.t, s.org.email);
    const person = await (await page.get(`/people/${p.person.id}`)).text();
    expect(person).toContain("Permisos para mensajes");
    expect(person).toContain(`href="/people/${p.person.id}/consents"`);
    expect(person).toMatch(/Avisos del grupo:\s*<strong class="consent-granted">Sí/);
    expect(person).toMatch(/Recordatorios de acciones:\s*<strong class="consent-no_consent">No/);

    const saved = await page.post(`/people/${p.person.id}/consents`, {
      contact: p.phone,
      purpose: "action_reminders",
      action: "grant",
      source: "verbal",
      wording: "¿Le podemos mandar recordatorios de las acciones por texto? — Sí.",
      language: "es",
    });
    expect(saved.status).toBe(303);
    const after = await (await page.get(saved.headers.get("location") ?? "")).text();
    expect(after).toContain("Guardado en el historial.");
    expect(after).toContain("¿Le podemos mandar recordatorios de las acciones por texto?");
    expect(after).toContain("de palabra");
    expect(after).toContain("anotó Dueña de Prueba");

    const english = await signedIn(s.t, s.org.email, undefined, "en");
    await english.post("/lang", { lang: "en" });
    const en = await (await english.get(`/people/${p.person.id}/consents`)).text();
    expect(en).toContain(`${p.person.displayName}: message consent`);
    expect(en).toContain("Granted: Action reminders");
  });

  it("refuses a contact point that isn't the person's and a bad purpose with 422, keeping what was typed", async () => {
    const p = await personWithConsent(s.t, s.org.actor);
    const page = await signedIn(s.t, s.org.email);
    const html = await refusedForm(page, `/people/${p.person.id}/consents`, {
      contact: "otra.persona@example.org",
      purpose: "broadcasts",
      action: "revoke",
      source: "paper",
      wording: "Texto escrito a mano",
    });
    expect(html).toContain("Texto escrito a mano");
    const bad = await page.post(`/people/${p.person.id}/consents`, {
      contact: p.email,
      purpose: "todo",
      action: "grant",
      source: "paper",
    });
    expect(bad.status).toBe(422);
  });

  it("another organization's person is a 404; a viewer can't record consent", async () => {
    const other = await createOrg(s.t, "Otro Comité de Prueba");
    const theirs = await personWithConsent(s.t, other.actor);
    const page = await signedIn(s.t, s.org.email);
    expect((await page.get(`/people/${theirs.person.id}/consents`)).status).toBe(404);
    const viewer = await addMember(s.t, s.org.actor, "viewer");
    const v = await signedIn(s.t, viewer.email);
    const mine = await personWithConsent(s.t, s.org.actor);
    expect((await v.get(`/people/${mine.person.id}/consents`)).status).toBe(403);
    const person = await (await v.get(`/people/${mine.person.id}`)).text();
    expect(person).toContain("Permisos para mensajes");
    expect(person).not.toContain(`/people/${mine.person.id}/consents`);
  });
});
