import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditCount, rawRowText } from "../../../test/support/rows";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { AppError } from "../../platform/errors";
import { createPerson } from "./create-person";
import { deletePerson } from "./delete-person";
import { type PersonFields, PersonFieldsSchema } from "./person";
import { getPerson } from "./person-record";
import { readSensitive } from "./read-person-sensitive";
import { type PeopleQuery, searchPeople } from "./search-people";
import { updatePerson } from "./update-person";

const fields = (input: Record<string, unknown>): PersonFields => PersonFieldsSchema.parse(input);

describe.each(STORES)("people operations on %s", (store) => {
  const s = twoOrgs(store);

  const search = (q: string, a = s.actor) =>
    searchPeople(s.t.database.db, a, { q, page: 1, perPage: 25 });

  it("creates a person with only a display name", async () => {
    const p = await createPerson(s.t.deps, s.actor, fields({ displayName: "  La Güera  " }));
    expect(p.displayName).toBe("La Güera");
    expect(p.engagementLevel).toBe("contact");
    expect(p.emails).toEqual([]);
  });

  it("finds people accent-insensitively, by email and by phone digits", async () => {
    const maria = await createPerson(
      s.t.deps,
      s.actor,
      fields({
        displayName: "María Fernández",
        emails: [{ address: "Maria.F@Example.org" }],
        phones: [{ number: "(555) 010-4477" }],
      }),
    );
    for (const q of [
      "maria fernandez",
      "MARÍA",
      "fernan",
      "maria.f@example",
      "0104477",
      "555-010",
      "(555) 010",
    ]) {
      const found = await search(q);
      expect(
        found.people.map((p) => p.id),
        q,
      ).toContain(maria.id);
    }
    expect((await search("maria zzz")).total).toBe(0);
    // LIKE wildcards are literal: "_" matches no one instead of everyone.
    expect((await search("_")).total).toBe(0);
    expect((await search("m_ria")).total).toBe(0);
    expect((await search("maria", s.other)).total).toBe(0);
  });

  it("encrypts sensitive fields at rest and audits every read", async () => {
    const p = await createPerson(
      s.t.deps,
      s.actor,
      fields({
        displayName: "Persona Cifrada",
        birthdate: "1985-03-09",
        homeAddress: "Calle Inventada 742",
      }),
    );
    const rowText = await rawRowText(s.t, "people", p.id);
    expect(rowText).not.toContain("1985-03-09");
    expect(rowText).not.toContain("Inventada");
    expect(rowText).toContain("v1.");
    expect(p.hasBirthdate).toBe(true);

    const before = await auditCount(s.t, p.id, "person.sensitive_read");
    expect(await readSensitive(s.t.deps, s.actor, p.id)).toEqual({
      birthdate: "1985-03-09",
      homeAddress: "Calle Inventada 742",
    });
    expect(await auditCount(s.t, p.id, "person.sensitive_read")).toBe(before + 1);
    await expect(readSensitive(s.t.deps, s.other, p.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses a duplicate email in the same organization but allows it in another", async () => {
    await createPerson(
      s.t.deps,
      s.actor,
      fields({ displayName: "Uno", emails: [{ address: "dup@example.org" }] }),
    );
    const error = await createPerson(
      s.t.deps,
      s.actor,
      fields({ displayName: "Dos", emails: [{ address: "DUP@example.org" }] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({ emails: "duplicate_email" });
    expect((await search("Dos")).total).toBe(0);
    const elsewhere = await createPerson(
      s.t.deps,
      s.other,
      fields({ displayName: "Dos", emails: [{ address: "dup@example.org" }] }),
    );
    expect(elsewhere.emails[0]?.address).toBe("dup@example.org");
  });

  it("updates only the fields given, keeps sensitive ones unless told, and audits field names", async () => {
    const p = await createPerson(
      s.t.deps,
      s.actor,
      fields({ displayName: "Antes", tags: ["vendedores"], homeAddress: "Dirección Uno" }),
    );
    const after = await updatePerson(s.t.deps, s.actor, p.id, {
      displayName: "Después",
      engagementLevel: "active",
    });
    expect(after.displayName).toBe("Después");
    expect(after.tags).toEqual(["vendedores"]);
    expect(after.hasHomeAddress).toBe(true);
    expect((await search("despues")).total).toBe(1);
    const [event] = (
      await s.t.database.db.execute<{ detail: { fields: string[] } }>(
        sql`SELECT detail FROM audit_events WHERE subject_id = ${p.id} AND action = 'person.updated'`,
      )
    ).rows;
    expect(event?.detail.fields.sort()).toEqual(["displayName", "engagementLevel"]);
    expect(JSON.stringify(event)).not.toContain("Después");

    const cleared = await updatePerson(s.t.deps, s.actor, p.id, { homeAddress: null });
    expect(cleared.hasHomeAddress).toBe(false);
  });

  it("scopes update and delete to the organization", async () => {
    const p = await createPerson(s.t.deps, s.actor, fields({ displayName: "Protegida" }));
    await expect(updatePerson(s.t.deps, s.other, p.id, { displayName: "X" })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
    await expect(deletePerson(s.t.deps, s.other, p.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await getPerson(s.t.database.db, s.actor.orgId, p.id))?.displayName).toBe("Protegida");
    await deletePerson(s.t.deps, s.actor, p.id);
    expect(await getPerson(s.t.database.db, s.actor.orgId, p.id)).toBeNull();
  });

  it("filters by tag and level and paginates with a stable order", async () => {
    for (let i = 0; i < 7; i++) {
      await createPerson(
        s.t.deps,
        s.actor,
        fields({
          displayName: `Paginada ${i}`,
          tags: i % 2 ? ["impar"] : [],
          engagementLevel: i < 2 ? "leader" : "contact",
        }),
      );
    }
    const paginada = (query: Partial<PeopleQuery>) =>
      searchPeople(s.t.database.db, s.actor, { q: "paginada", page: 1, perPage: 25, ...query });
    const page1 = await paginada({ page: 1, perPage: 3 });
    const page3 = await paginada({ page: 3, perPage: 3 });
    expect(page1.total).toBe(7);
    expect(page1.people.map((p) => p.displayName)).toEqual([
      "Paginada 0",
      "Paginada 1",
      "Paginada 2",
    ]);
    expect(page3.people.map((p) => p.displayName)).toEqual(["Paginada 6"]);
    expect((await paginada({ tag: "impar" })).total).toBe(3);
    expect((await paginada({ level: "leader" })).total).toBe(2);
  });
});
