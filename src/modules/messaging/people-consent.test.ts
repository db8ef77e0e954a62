import { beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../../test/support/api";
import { apiTokenFor, type Client, signedIn } from "../../../test/support/app";
import { text } from "../../../test/support/html";
import { sendingOrg } from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { driveInput, newNeed } from "../../../test/support/supplies";
import { addSignUp } from "../outreach/add-sign-up";
import { createShift } from "../outreach/create-shift";
import { ShiftFieldsSchema } from "../outreach/shift";
import { importPeople } from "../people/import-people";
import { parsePeopleCsv } from "../people/parse-people-csv";
import { getPerson } from "../people/person-record";
import { createDrive } from "../supplies/create-drive";
import { pledgeFromPublic } from "../supplies/pledge-from-public";
import { personConsent } from "./consent-history";
import { handleInboundSms } from "./inbound-sms";
import { consentText } from "./messaging-consent.messages";

// Decision 094: messaging's consent records are the one truth. The person page and the
// people API say what messaging says after an intake with consent, a revoke in the consent
// section and an SMS STOP, and what an import, the API and the public forms state lands in
// messaging's records.

const k = consentText.es;

describe.each(STORES)("people and messaging agree on consent on %s", (store) => {
  const s = sendingOrg(store);
  let owner: Client;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    owner = await signedIn(s.t, s.org.email);
    api = apiClient(s.t, await apiTokenFor(s.t, s.org.actor));
  });

  /** Messaging's own view: per channel, is any purpose granted on a contact point? */
  async function messagingSays(personId: string) {
    const person = await getPerson(s.t.database.db, s.org.orgId, personId);
    if (!person) throw new Error("no such person");
    const points = await personConsent(s.t.database.db, s.org.orgId, person);
    const said = { email: false, sms: false };
    for (const p of points) {
      if (Object.values(p.states).includes("granted")) said[p.channel] = true;
    }
    return { said, points };
  }

  /** The API's `consent` equals messaging's; returns it. */
  async function agreed(personId: string) {
    const { said, points } = await messagingSays(personId);
    const got = await api.get(`/api/v1/people/${personId}`);
    expect(got.status).toBe(200);
    expect(got.json.consent).toEqual(said);
    const listed = await api.get(`/api/v1/people?q=${encodeURIComponent(got.json.display_name)}`);
    const inList = listed.json.people.find((p: { id: string }) => p.id === personId);
    expect(inList.consent).toEqual(said);
    return { said, points };
  }

  /** The person page's consent section, as text, and the page has no yes/no of its own. */
  async function page(personId: string) {
    const html = await (await owner.get(`/people/${personId}`)).text();
    const shown = text(html);
    expect(shown).not.toContain("Acepta recibir correos");
    expect(shown).not.toContain("Acepta recibir mensajes de texto");
    const section = /<div id="consent">([\s\S]*?)<h3>/.exec(html)?.[1] ?? "";
    return text(section);
  }

  it("after intake with consent, a revoke in the consent section and an SMS STOP", async () => {
    // Intake: two purposes ticked, out loud, for her email and phone.
    const res = await owner.post("/people", {
      display_name: "Lupita Inventada",
      emails: "lupita.inventada@example.org",
      phones: "+1 415 555 0150",
      preferred_language: "es",
      consent_hearing_reminders: "on",
      consent_broadcasts: "on",
      consent_source: "verbal",
    });
    expect(res.status).toBe(303);
    const id = /\/people\/([0-9a-f-]{36})/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const intake = await agreed(id);
    expect(intake.said).toEqual({ email: true, sms: true });
    for (const point of intake.points) {
      expect(point.states).toEqual({
        hearing_reminders: "granted",
        action_reminders: "no_consent",
        broadcasts: "granted",
      });
    }
    const history = text(await (await owner.get(`/people/${id}/consents`)).text());
    expect(history).toContain(k.source_verbal);
    expect(history).toContain("recordatorios de sus audiencias en la corte");
    expect(await page(id)).toContain(`${k.purpose_hearing_reminders}: ${k.state_granted}`);

    // The consent section: she takes back both purposes for her email.
    for (const purpose of ["hearing_reminders", "broadcasts"]) {
      const revoke = await owner.post(`/people/${id}/consents`, {
        contact: "lupita.inventada@example.org",
        purpose,
        action: "revoke",
        source: "paper",
      });
      expect(revoke.status).toBe(303);
    }
    const revoked = await agreed(id);
    expect(revoked.said).toEqual({ email: false, sms: true });

    // STOP by text: the phone says no to everything.
    await handleInboundSms(s.t.deps, { from: "+14155550150", body: "ALTO", messageSid: "SMtest1" });
    const stopped = await agreed(id);
    expect(stopped.said).toEqual({ email: false, sms: false });
    expect(stopped.points.find((p) => p.channel === "sms")?.states.broadcasts).toBe("stopped");
    expect(await page(id)).toContain(k.state_stopped);
  });

  it("records the API's consent for every purpose, source api, and a false on a change revokes", async () => {
    const created = await api.post("/api/v1/people", {
      display_name: "Beto Inventado",
      email_addresses: [{ address: "beto.inventado@example.org" }],
      phone_numbers: [{ number: "+1 415 555 0151" }],
      consent: { email: true },
    });
    expect(created.status).toBe(201);
    expect(created.json.consent).toEqual({ email: true, sms: false });
    const { points } = await agreed(created.json.id);
    const email = points.find((p) => p.channel === "email");
    expect(email?.states).toEqual({
      hearing_reminders: "granted",
      action_reminders: "granted",
      broadcasts: "granted",
    });
    const history = text(await (await owner.get(`/people/${created.json.id}/consents`)).text());
    expect(history).toContain(k.source_api);
    const patched = await api.patch(`/api/v1/people/${created.json.id}`, {
      consent: { email: false, sms: true },
    });
    expect(patched.json.consent).toEqual({ email: false, sms: true });
    expect((await agreed(created.json.id)).said).toEqual({ email: false, sms: true });
  });

  it("records a CSV's consent columns as an import, and only where the file says yes", async () => {
    const { rows, problems } = parsePeopleCsv(
      [
        "display_name,email,phone,consent_email,consent_sms",
        "Carmen Importada,carmen.importada@example.org,+1 415 555 0152,sí,",
        "Dario Importado,dario.importado@example.org,+1 415 555 0153,,",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    await importPeople(s.t.deps, s.org.actor, rows);
    await s.t.deps.bus.settled();
    const found = await api.get("/api/v1/people?q=importad");
    const byName = new Map(
      found.json.people.map((p: { display_name: string; id: string }) => [p.display_name, p.id]),
    );
    const carmen = await agreed(String(byName.get("Carmen Importada")));
    expect(carmen.said).toEqual({ email: true, sms: false });
    const dario = await agreed(String(byName.get("Dario Importado")));
    expect(dario.said).toEqual({ email: false, sms: false });
    const history = text(
      await (await owner.get(`/people/${byName.get("Carmen Importada")}/consents`)).text(),
    );
    expect(history).toContain(k.source_import);
  });

  it("records consent from the outreach sign-up and the public supply pledge", async () => {
    const shift = await createShift(
      s.t.deps,
      s.org.actor,
      ShiftFieldsSchema.parse({
        kind: "canvassing",
        area: "Plaza inventada",
        date: "2026-11-28",
        startTime: "10:00",
        endTime: "12:00",
        timeZone: "America/Los_Angeles",
      }),
    );
    const signUp = await addSignUp(s.t.deps, s.org.actor, shift.id, {
      name: "Elena Firmó",
      email: "elena.firmo@example.org",
      phone: "",
      language: "es",
      consent: true,
    });
    await s.t.deps.bus.settled();
    const elena = await agreed(signUp.personId);
    expect(elena.said).toEqual({ email: true, sms: false });
    expect(elena.points[0]?.states).toMatchObject({
      action_reminders: "granted",
      broadcasts: "granted",
      hearing_reminders: "no_consent",
    });

    const drive = await createDrive(s.t.deps, s.org.actor, driveInput("invierno-consent"));
    const need = await newNeed(s.t, s.org.actor, drive.id, {
      item: { es: "Cobijas" },
      quantity: 10,
    });
    await pledgeFromPublic(s.t.deps, s.org.orgId, drive.id, {
      needId: need.id,
      quantity: "1",
      pointId: null,
      dueOn: null,
      name: "Fer Donante",
      contact: "+1 415 555 0154",
      language: "en",
      consent: true,
    });
    await s.t.deps.bus.settled();
    const found = await api.get("/api/v1/people?q=donante");
    const fer = await agreed(found.json.people[0].id);
    expect(fer.said).toEqual({ email: false, sms: true });
    expect(fer.points[0]?.states.broadcasts).toBe("granted");
  });
});
