import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, createOrg, PASSWORD, refusedForm } from "../../../test/support/app";
import { fieldError, fieldValue, selectedValue, text } from "../../../test/support/html";
import { peopleNamed } from "../../../test/support/people";
import { STORES } from "../../../test/support/stores";
import { ownerPages } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import type { Role } from "../../platform/platform.schema";
import { accountsText } from "./accounts.messages";

// Invitations and roles over HTTP: who may open what is enforced on every route.
describe.each(STORES)("invitations and roles over HTTP on %s", (store) => {
  const s = ownerPages(store);
  let counter = 0;

  async function invite(role: Role, email = `invitada-${++counter}@example.org`) {
    const res = await s.owner.post("/users/invite", { email, role });
    expect(res.status).toBe(200);
    const html = await res.text();
    const token = /https?:\/\/[^/<]+\/invite\/([A-Za-z0-9_-]+)/.exec(html)?.[1];
    expect(token).toBeTruthy();
    return { email, token: token ?? "" };
  }

  async function join(role: Role) {
    const { email, token } = await invite(role);
    const client = new Client(s.t);
    const res = await client.post(`/invite/${token}`, {
      name: `Persona ${role}`,
      password: PASSWORD,
    });
    expect(res.status).toBe(303);
    const [row] = (
      await s.t.database.db.execute<{ id: string }>(
        sql`SELECT id FROM users WHERE email_lower = ${email}`,
      )
    ).rows;
    return { client, email, token, userId: row?.id ?? "" };
  }

  const roleOf = async (userId: string) =>
    (
      await s.t.database.db.execute<{ role: string }>(
        sql`SELECT role FROM memberships WHERE org_id = ${s.org.orgId} AND user_id = ${userId}`,
      )
    ).rows[0]?.role;

  it("lets the owner invite; the link makes a new account with the invited role", async () => {
    const { email, token } = await invite("organizer");
    const guest = new Client(s.t, { "accept-language": "en" });
    const form = await guest.get(`/invite/${token}`);
    expect(form.status).toBe(200);
    expect(text(await form.text())).toContain(
      accountsText.en.accept_title("Comité Vecinal de Prueba"),
    );
    const res = await guest.post(`/invite/${token}`, {
      name: "Nueva Organizadora",
      password: PASSWORD,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect((await guest.get("/")).status).toBe(200);
    const [user] = (
      await s.t.database.db.execute<{ id: string; name: string }>(
        sql`SELECT id, name FROM users WHERE email_lower = ${email}`,
      )
    ).rows;
    expect(user?.name).toBe("Nueva Organizadora");
    expect(await roleOf(user?.id ?? "")).toBe("organizer");
    // An organizer adds people but doesn't manage the team.
    expect((await guest.get("/people/new")).status).toBe(200);
    expect((await guest.get("/users")).status).toBe(403);
    // And signs in again with the password they chose.
    expect((await new Client(s.t).post("/login", { email, password: PASSWORD })).status).toBe(303);
  });

  it("never accepts the same link twice", async () => {
    const { token } = await join("member");
    const before = await s.t.database.db.execute(sql`SELECT id FROM memberships`);
    const again = new Client(s.t, { "accept-language": "en" });
    const get = await again.get(`/invite/${token}`);
    expect(get.status).toBe(404);
    expect(text(await get.text())).toContain(accountsText.en.invite_invalid);
    const post = await again.post(`/invite/${token}`, { name: "Segunda Vez", password: PASSWORD });
    expect(post.status).toBe(404);
    expect(again.cookie("amparo_session")).toBeUndefined();
    const after = await s.t.database.db.execute(sql`SELECT id FROM memberships`);
    expect(after.rows.length).toBe(before.rows.length);
    const users = await s.t.database.db.execute(
      sql`SELECT 1 FROM users WHERE name = 'Segunda Vez'`,
    );
    expect(users.rows).toHaveLength(0);
  });

  it("answers 404, never 500, for made-up, huge or odd invitation links", async () => {
    const client = new Client(s.t);
    for (const token of ["nope", "x".repeat(500), "%00", "%E0%A4%A", "..%2F..%2Fetc"]) {
      expect((await client.get(`/invite/${token}`)).status, token).toBe(404);
      expect(
        (await client.post(`/invite/${token}`, { name: "X", password: PASSWORD })).status,
      ).toBe(404);
    }
  });

  it("refuses bad invitation input with 422, keeping what was typed", async () => {
    for (const [values, field, key] of [
      [{ email: "no-es-correo", role: "member" }, "email", "invalid_email"],
      [{ email: "", role: "member" }, "email", "required"],
      [{ email: `${"x".repeat(10_000)}@example.org`, role: "member" }, "email", "too_long"],
      [{ email: "bien@example.org", role: "jefa" }, "role", "invalid_choice"],
    ] as const) {
      const html = await refusedForm(s.owner, "/users/invite", values);
      expect(fieldError(html, field)).toBe(common.es[`field_${key}`]);
      expect(fieldValue(html, "email")).toBe(values.email);
      if (values.role === "member") expect(selectedValue(html, "role")).toBe("member");
    }
    const pending = await s.t.database.db.execute(
      sql`SELECT 1 FROM invitations WHERE email_lower IN ('no-es-correo', 'bien@example.org')`,
    );
    expect(pending.rows).toHaveLength(0);
  });

  it("refuses a short password when accepting, keeps the name, and the link still works", async () => {
    const { token } = await invite("viewer");
    const guest = new Client(s.t);
    const html = await refusedForm(guest, `/invite/${token}`, {
      name: "Con Prisa",
      password: "corta",
    });
    expect(fieldError(html, "password")).toBe(common.es.field_password_too_short);
    expect(fieldValue(html, "name")).toBe("Con Prisa");
    expect(fieldValue(html, "password")).toBe("");
    expect((await guest.get(`/invite/${token}`)).status).toBe(200);
  });

  it("lets someone with an account elsewhere join with their own password", async () => {
    const elsewhere = await createOrg(s.t, "Otra Organización");
    const { token } = await invite("member", elsewhere.email);
    const guest = new Client(s.t);
    const wrong = await guest.post(`/invite/${token}`, {
      name: "-",
      password: "not their password",
    });
    expect(wrong.status).toBe(422);
    const ok = await guest.post(`/invite/${token}`, { name: "-", password: PASSWORD });
    expect(ok.status).toBe(303);
    expect(await roleOf(elsewhere.userId)).toBe("member");
  });

  it("keeps the team page to owners: a member gets 403 on every users route", async () => {
    const { client } = await join("member");
    expect((await client.get("/users")).status).toBe(403);
    expect(
      (await client.post("/users/invite", { email: "colada@example.org", role: "owner" })).status,
    ).toBe(403);
    expect((await client.post(`/users/${s.org.userId}/role`, { role: "viewer" })).status).toBe(403);
    expect(await roleOf(s.org.userId)).toBe("owner");
    const sneaked = await s.t.database.db.execute(
      sql`SELECT 1 FROM invitations WHERE email_lower = 'colada@example.org'`,
    );
    expect(sneaked.rows).toHaveLength(0);
  });

  it("lets a viewer read people but not create, edit or delete them", async () => {
    const { client } = await join("viewer");
    expect((await client.get("/people")).status).toBe(200);
    expect((await client.get("/people/new")).status).toBe(403);
    const res = await client.post("/people", { display_name: "Creada por lectora" });
    expect(res.status).toBe(403);
    expect(text(await res.text())).toContain(common.es.error_forbidden);
    expect(await peopleNamed(s.t, "Creada por lectora")).toBe(0);
  });

  it("never leaves the organization without an owner", async () => {
    const res = await s.owner.post(`/users/${s.org.userId}/role`, { role: "member" });
    expect(res.status).toBe(409);
    expect(text(await res.text())).toContain(accountsText.es.last_owner);
    expect(await roleOf(s.org.userId)).toBe("owner");

    // With a second owner, one of them may step down; the last one still can't.
    const second = await join("organizer");
    const promote = await s.owner.post(`/users/${second.userId}/role`, { role: "owner" });
    expect(promote.status).toBe(303);
    expect(promote.headers.get("location")).toBe("/users?saved=1");
    expect(await roleOf(second.userId)).toBe("owner");
    expect(
      (await second.client.post(`/users/${s.org.userId}/role`, { role: "organizer" })).status,
    ).toBe(303);
    expect(await roleOf(s.org.userId)).toBe("organizer");
    const last = await second.client.post(`/users/${second.userId}/role`, { role: "viewer" });
    expect(last.status).toBe(409);
    expect(await roleOf(second.userId)).toBe("owner");
    // Put things back for the other tests.
    await second.client.post(`/users/${s.org.userId}/role`, { role: "owner" });
    expect(await roleOf(s.org.userId)).toBe("owner");
  });

  it("answers 400 for an unknown role and 404 for a user of another organization or a non-id", async () => {
    const other = await createOrg(s.t, "Organización Ajena");
    const member = await join("member");
    expect((await s.owner.post(`/users/${member.userId}/role`, { role: "reina" })).status).toBe(
      400,
    );
    expect((await s.owner.post(`/users/${other.userId}/role`, { role: "viewer" })).status).toBe(
      404,
    );
    expect((await s.owner.post("/users/not-a-uuid/role", { role: "viewer" })).status).toBe(404);
    const otherRole = await s.t.database.db.execute<{ role: string }>(
      sql`SELECT role FROM memberships WHERE user_id = ${other.userId} AND org_id = ${other.orgId}`,
    );
    expect(otherRole.rows[0]?.role).toBe("owner");
  });
});
