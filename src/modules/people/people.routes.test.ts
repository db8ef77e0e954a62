import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type Client,
  createdWith,
  createOrg,
  refusedForm,
  signedIn,
} from "../../../test/support/app";
import { fieldError, fieldValue, selectedValue, text } from "../../../test/support/html";
import { addMember } from "../../../test/support/members";
import { peopleCount } from "../../../test/support/people";
import { STORES } from "../../../test/support/stores";
import { ownerPages } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import type { Role } from "../../platform/platform.schema";
import { peopleText } from "./people.messages";

// The people pages over HTTP: forms, validation, escaping, search, permissions
// and organization scoping. The JSON API is in people.api.test.ts.
const es = common.es;
const p = peopleText.es;

describe.each(STORES)("people pages on %s", (store) => {
  const s = ownerPages(store);
  async function teammate(role: Role): Promise<Client> {
    return signedIn(s.t, (await addMember(s.t, s.org.actor, role, `Equipo ${role}`)).email);
  }

  const count = (orgId = s.org.orgId) => peopleCount(s.t, orgId);

  const create = (client: Client, form: Record<string, string>) =>
    createdWith(client, "/people", form);

  const FULL = {
    display_name: "Doña Rosa",
    given_name: "Rosa",
    family_name: "Quintero",
    emails: "rosa.q@example.org, rosa@example.net",
    phones: "(555) 010-2233",
    preferred_language: "es",
    engagement_level: "active",
    tags: "vendedores, comité",
    consent_action_reminders: "on",
    consent_source: "paper",
    notes: "Vende tamales los sábados.",
    birthdate: "1970-05-04",
    home_address: "Calle Inventada 12",
  };

  it("creates a person from the form and shows her", async () => {
    const id = await create(s.owner, FULL);
    const res = await s.owner.get(`/people/${id}?done=created`);
    expect(res.status).toBe(200);
    const page = text(await res.text());
    for (const shown of [
      "Doña Rosa",
      "Rosa Quintero",
      "rosa.q@example.org, rosa@example.net",
      "(555) 010-2233",
      "vendedores",
      "comité",
      "Vende tamales los sábados.",
      p.created,
      p.level_active,
      p.sensitive_saved,
    ]) {
      expect(page).toContain(shown);
    }
    // Sensitive values stay hidden until asked for.
    expect(page).not.toContain("1970-05-04");
    expect(page).not.toContain("Calle Inventada");
    const shown = text(await (await s.owner.post(`/people/${id}/sensitive`, {})).text());
    expect(shown).toContain("1970-05-04");
    expect(shown).toContain("Calle Inventada 12");
    // Consent is messaging's (decision 094): the ticked purpose is recorded for her emails,
    // on paper, with the sentence shown; the page has no yes/no rows of its own.
    const consent = text(await (await s.owner.get(`/people/${id}/consents`)).text());
    expect(consent).toContain(p.consent_action_reminders);
    expect(consent).toContain("en papel");
    expect(page).not.toContain("Acepta recibir correos");
    expect(page).not.toContain("Permiso para comunicarnos");
  });

  it("offers the consent boxes unticked on a new person, refuses a box without how, and keeps the edit form free of them", async () => {
    const form = await (await s.owner.get("/people/new")).text();
    for (const purpose of ["hearing_reminders", "action_reminders", "broadcasts"]) {
      expect(form).toContain(`name="consent_${purpose}" value="on"`);
      expect(new RegExp(`name="consent_${purpose}" value="on" checked`).test(form)).toBe(false);
    }
    expect(text(form)).toContain(p.consent_intro);
    const before = await count();
    const html = await refusedForm(s.owner, "/people", {
      display_name: "Sin Cómo",
      emails: "sincomo@example.org",
      consent_broadcasts: "on",
    });
    expect(fieldError(html, "consent_source")).toBe(es.field_consent_source_required);
    expect(/name="consent_broadcasts" value="on" checked/.test(html)).toBe(true);
    expect(await count()).toBe(before);
    const id = await create(s.owner, {
      display_name: "Sin Permiso",
      emails: "sinpermiso@example.org",
    });
    const edit = await (await s.owner.get(`/people/${id}/edit`)).text();
    expect(edit).not.toContain('name="consent_');
    expect(edit).toContain(`href="/people/${id}/consents"`);
  });

  const BAD: [string, Record<string, string>, string, string][] = [
    ["an empty display name", { display_name: "" }, "display_name", "required"],
    ["a whitespace-only display name", { display_name: "   \t " }, "display_name", "required"],
    ["a 10,000-character name", { display_name: "N".repeat(10_000) }, "display_name", "too_long"],
    ["10,000-character notes", { notes: "n".repeat(10_000) }, "notes", "too_long"],
    ["a 10,000-character tag", { tags: "t".repeat(10_000) }, "tags", "too_long"],
    ["an invalid email", { emails: "ok@example.org, no-arroba" }, "emails", "invalid_email"],
    ["an invalid phone", { phones: "llámame" }, "phones", "invalid_phone"],
    ["a too-short phone", { phones: "12-34" }, "phones", "invalid_phone"],
    ["an impossible date", { birthdate: "2021-02-30" }, "birthdate", "invalid_date"],
    ["a date in the future", { birthdate: "2999-01-01" }, "birthdate", "invalid_date"],
    ["a non-date", { birthdate: "ayer" }, "birthdate", "invalid_date"],
    ["an unknown level", { engagement_level: "jefa" }, "engagement_level", "invalid_choice"],
    ["an unknown language", { preferred_language: "fr" }, "preferred_language", "invalid_choice"],
  ];

  for (const [label, change, field, key] of BAD) {
    it(`refuses ${label} with 422, the message by the field, values kept, nothing saved`, async () => {
      const before = await count();
      const values = { ...FULL, emails: "", ...change };
      const html = await refusedForm(s.owner, "/people", values);
      expect(text(html)).toContain(es.error_validation_failed);
      expect(fieldError(html, field)).toBe(es[`field_${key}` as keyof typeof es]);
      for (const name of ["display_name", "given_name", "emails", "phones", "tags", "notes"]) {
        expect(fieldValue(html, name), name).toBe(values[name as keyof typeof values]);
      }
      expect(fieldValue(html, "birthdate")).toBe(values.birthdate);
      expect(fieldValue(html, "home_address")).toBe(values.home_address);
      expect(/name="consent_action_reminders" value="on" checked/.test(html)).toBe(true);
      expect(/name="consent_broadcasts" value="on" checked/.test(html)).toBe(false);
      expect(await count()).toBe(before);
    });
  }

  it("refuses an email already used in the organization, keeping the form", async () => {
    await create(s.owner, { display_name: "Primera", emails: "compartido@example.org" });
    const before = await count();
    const html = await refusedForm(s.owner, "/people", {
      display_name: "Segunda",
      emails: "COMPARTIDO@example.org",
      tags: "conservar",
    });
    expect(fieldError(html, "emails")).toBe(es.field_duplicate_email);
    expect(fieldValue(html, "display_name")).toBe("Segunda");
    expect(fieldValue(html, "tags")).toBe("conservar");
    expect(await count()).toBe(before);
  });

  it("shows a <script> name escaped on every page, never as markup", async () => {
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>"'`;
    const id = await create(s.owner, { display_name: evil, tags: "<b>etiqueta</b>", notes: evil });
    for (const path of [
      `/people/${id}`,
      `/people/${id}/edit`,
      `/people/${id}/delete`,
      "/people",
      "/people?q=script",
      "/",
    ]) {
      const html = await (await s.owner.get(path)).text();
      expect(html, path).not.toContain("<script>alert");
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).not.toContain("<b>etiqueta");
      expect(html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      // The only scripts on any page are htmx and app.js, both files served by Amparo.
      expect(html.match(/<script/g), path).toHaveLength(2);
      expect(
        html.match(/<script src="\/assets\/[a-z.0-9]+\.js" defer=""><\/script>/g),
        path,
      ).toHaveLength(2);
    }
  });

  it("finds María Fernández with 'maria fernandez', by email and phone digits", async () => {
    const id = await create(s.owner, {
      display_name: "María Fernández",
      emails: "mfernandez@example.org",
      phones: "+1 (555) 010-9988",
    });
    for (const q of ["maria fernandez", "MARÍA", "fernánd", "mfernandez@", "0109988", "555 010"]) {
      const res = await s.owner.get(`/people?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html, q).toContain(`href="/people/${id}"`);
      expect(fieldValue(html, "q"), q).toBe(q);
    }
    const none = await (await s.owner.get("/people?q=zzzz+qqqq")).text();
    expect(text(none)).toContain(p.no_results);
    expect(none).not.toContain(`href="/people/${id}"`);
  });

  it("pages, filters by tag and level, and shrugs off junk in the query string", async () => {
    for (const n of [1, 2, 3]) {
      await create(s.owner, {
        display_name: `Paginada ${n}`,
        tags: "paginada",
        engagement_level: "core",
      });
    }
    const first = await (await s.owner.get("/people?tag=paginada&per_page=2")).text();
    expect(text(first)).toContain(es.page_of(1, 2));
    expect(first).toContain("Paginada 1");
    expect(first).not.toContain("Paginada 3");
    const second = await (await s.owner.get("/people?tag=paginada&per_page=2&page=2")).text();
    expect(second).toContain("Paginada 3");
    expect(selectedValue(second, "tag")).toBe("paginada");
    const leaders = await (await s.owner.get("/people?level=core&tag=paginada")).text();
    expect(text(leaders)).toContain(p.found(3));
    for (const junk of [
      "page=-1",
      "page=abc",
      "page=1e309",
      "per_page=100000",
      "level=jefa",
      "q=%00",
      "tag=%00",
      `q=${"x".repeat(5000)}`,
      "q=%25_%5C",
      "q=%ZZ",
    ]) {
      expect((await s.owner.get(`/people?${junk}`)).status, junk).toBe(200);
    }
  });

  it("keeps sensitive fields when a member (who can't see them) edits a person", async () => {
    const id = await create(s.owner, { ...FULL, emails: "" });
    const enc = async () =>
      (
        await s.t.database.db.execute<{ b: string | null; h: string | null }>(
          sql`SELECT birthdate_enc AS b, home_address_enc AS h FROM people WHERE id = ${id}`,
        )
      ).rows[0];
    const stored = await enc();
    expect(stored?.b).toBeTruthy();
    const member = await teammate("member");
    const form = await (await member.get(`/people/${id}/edit`)).text();
    expect(fieldValue(form, "birthdate")).toBeNull();
    expect(fieldValue(form, "home_address")).toBeNull();
    expect(form).not.toContain("1970-05-04");
    expect((await member.post(`/people/${id}/sensitive`, {})).status).toBe(403);
    // Trying to slip the fields in anyway changes nothing.
    const res = await member.post(`/people/${id}`, {
      ...FULL,
      emails: "",
      display_name: "Doña Rosa Q.",
      birthdate: "",
      home_address: "",
    });
    expect(res.status).toBe(303);
    expect(await enc()).toEqual(stored);
    const shown = text(await (await s.owner.post(`/people/${id}/sensitive`, {})).text());
    expect(shown).toContain("Doña Rosa Q.");
    expect(shown).toContain("1970-05-04");
    expect(shown).toContain("Calle Inventada 12");
  });

  it("refuses a bad edit with 422 and changes nothing", async () => {
    const id = await create(s.owner, { display_name: "Sin Cambios", tags: "original" });
    const html = await refusedForm(s.owner, `/people/${id}`, { display_name: " ", tags: "nueva" });
    expect(fieldError(html, "display_name")).toBe(es.field_required);
    expect(fieldValue(html, "tags")).toBe("nueva");
    const page = text(await (await s.owner.get(`/people/${id}`)).text());
    expect(page).toContain("Sin Cambios");
    expect(page).toContain("original");
  });

  it("asks before deleting, then deletes; a member can't", async () => {
    const id = await create(s.owner, { display_name: "Para Borrar" });
    const member = await teammate("member");
    expect((await member.get(`/people/${id}/delete`)).status).toBe(403);
    expect((await member.post(`/people/${id}/delete`, {})).status).toBe(403);
    const confirm = await s.owner.get(`/people/${id}/delete`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(text(html)).toContain(p.delete_title("Para Borrar"));
    expect(html).toContain(`action="/people/${id}/delete"`);
    expect((await s.owner.get(`/people/${id}`)).status).toBe(200);
    const res = await s.owner.post(`/people/${id}/delete`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/people?done=deleted");
    expect(text(await (await s.owner.get("/people?done=deleted")).text())).toContain(p.deleted);
    expect((await s.owner.get(`/people/${id}`)).status).toBe(404);
    expect((await s.owner.post(`/people/${id}/delete`, {})).status).toBe(404);
  });

  it("gives 404 on every person route for another organization's id or a non-id", async () => {
    const otherOrg = await createOrg(s.t, "Organización Vecina");
    const other = await signedIn(s.t, otherOrg.email);
    const theirs = await create(other, { ...FULL, display_name: "De la Otra", emails: "" });
    const ours = await create(s.owner, { display_name: "Nuestra" });
    const before = await s.t.database.db.execute(sql`SELECT * FROM people WHERE id = ${theirs}`);
    const ids = [
      theirs,
      "00000000-0000-0000-0000-000000000000",
      "not-a-uuid",
      "123",
      `${theirs}x`,
      theirs.replace(/-/g, ""),
      "%ZZ",
      "%00",
      "'%20OR%201=1--",
    ];
    for (const id of ids) {
      for (const path of [`/people/${id}`, `/people/${id}/edit`, `/people/${id}/delete`]) {
        const res = await s.owner.get(path);
        expect(res.status, `GET ${path}`).toBe(404);
        expect(text(await res.text())).toContain(es.error_not_found);
      }
      for (const path of [`/people/${id}`, `/people/${id}/sensitive`, `/people/${id}/delete`]) {
        const res = await s.owner.post(path, { display_name: "Cambiada" });
        expect(res.status, `POST ${path}`).toBe(404);
      }
    }
    const after = await s.t.database.db.execute(sql`SELECT * FROM people WHERE id = ${theirs}`);
    expect(after.rows).toEqual(before.rows);
    // And the other way around.
    expect((await other.get(`/people/${ours}`)).status).toBe(404);
    expect((await other.post(`/people/${ours}/delete`, {})).status).toBe(404);
    expect(await count(otherOrg.orgId)).toBe(1);
    const audit = await s.t.database.db.execute(
      sql`SELECT 1 FROM audit_events WHERE subject_id = ${theirs} AND org_id = ${s.org.orgId}`,
    );
    expect(audit.rows).toHaveLength(0);
  });
});
