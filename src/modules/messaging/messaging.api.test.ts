import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makePerson } from "../../../test/support/actions";
import type { apiClient } from "../../../test/support/api";
import { roleApi } from "../../../test/support/members";
import { personWithConsent } from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { orgApis } from "../../../test/support/suites";
import { messagingSettings, outbox } from "./messaging.schema";

describe.each(STORES)("messaging API on %s", (store) => {
  const s = orgApis(store);
  let second: ReturnType<typeof apiClient>;
  let member: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    second = await roleApi(s.t, s.org.actor, "organizer");
    member = await roleApi(s.t, s.org.actor, "member");
  });

  describe("consents", () => {
    it("records a grant for a person's own phone, normalized to E.164", async () => {
      const p = await makePerson(s.t.deps, s.org.actor, "Rosa Inventada", "contact", {
        phones: [{ number: "(415) 555-0199", primary: true }],
        emails: [{ address: "Rosa.Inventada@Example.org", primary: true }],
      });
      const res = await s.api.post(`/api/v1/people/${p.id}/consents`, {
        contact: "415 555 0199",
        purpose: "hearing_reminders",
        action: "grant",
        source: "paper",
      });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({
        contact: "+14155550199",
        channel: "sms",
        purpose: "hearing_reminders",
        action: "grant",
      });
      const email = await s.api.post(`/api/v1/people/${p.id}/consents`, {
        contact: "rosa.inventada@example.org",
        purpose: "broadcasts",
        action: "revoke",
        source: "verbal",
      });
      expect(email.status).toBe(201);
      expect(email.json.contact).toBe("rosa.inventada@example.org");
    });

    it("refuses bad input with a field message, and other organizations' people with 404", async () => {
      const p = await makePerson(s.t.deps, s.org.actor, "Tomás Inventado", "contact", {
        phones: [{ number: "+1 415 555 0123", primary: true }],
      });
      const base = { purpose: "broadcasts", action: "grant", source: "paper" };
      const cases: [unknown, string, string][] = [
        [{ ...base, contact: "12" }, "contact", "invalid_contact"],
        [{ ...base, contact: "+1 415 555 0124" }, "contact", "not_their_contact"],
        [{ ...base, contact: "x".repeat(10_000) }, "contact", "too_long"],
        [{ ...base, contact: "   " }, "contact", "required"],
        [{ ...base, contact: "+14155550123", purpose: "spam" }, "purpose", "invalid_choice"],
        [{ ...base, contact: 14155550123 }, "contact", "wrong_type"],
        [{ ...base, contact: "+14155550123", extra: 1 }, "extra", "unknown_field"],
      ];
      for (const [body, field, code] of cases) {
        const res = await s.api.post(`/api/v1/people/${p.id}/consents`, body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
        expect(res.json.error.fields[field].code).toBe(code);
        expect(res.json.error.fields[field].message).toBeTruthy();
      }
      const theirs = await s.other.post(`/api/v1/people/${p.id}/consents`, {
        ...base,
        contact: "+14155550123",
      });
      expect(theirs.status).toBe(404);
      expect(
        (
          await s.api.post("/api/v1/people/not-an-id/consents", {
            ...base,
            contact: "+14155550123",
          })
        ).status,
      ).toBe(404);
    });
  });

  describe("broadcasts", () => {
    let tagged: Awaited<ReturnType<typeof personWithConsent>>[] = [];
    beforeAll(async () => {
      tagged = [
        await personWithConsent(s.t, s.org.actor, { language: "es", tags: ["vecinos"] }),
        await personWithConsent(s.t, s.org.actor, { language: "en", tags: ["vecinos"] }),
        await personWithConsent(s.t, s.org.actor, {
          language: "es",
          tags: ["vecinos"],
          purposes: ["hearing_reminders"],
        }),
      ];
      const stopped = await personWithConsent(s.t, s.org.actor, { tags: ["vecinos"] });
      await s.t.database.db.execute(sql`INSERT INTO consent_records (org_id, channel, address, purpose, action, source)
        VALUES (${s.org.orgId}, 'email', ${stopped.email}, 'all', 'revoke', 'email_one_click')`);
      await makePerson(s.t.deps, s.org.actor, "Sin Correo", "contact", { tags: ["vecinos"] });
    });
    const body = {
      segment: { tags: ["vecinos"] },
      channel: "email",
      subject: { es: "Asamblea", en: "Meeting" },
      body: { es: "Hola {name}: asamblea el jueves.", en: "Hi {name}: meeting on Thursday." },
    };

    it("previews who receives it and who doesn't, and sends nothing", async () => {
      const res = await s.api.post("/api/v1/broadcasts", body);
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json).toEqual({
        id: expect.any(String),
        recipients: 2,
        excluded: { no_consent: 1, stopped: 1, no_contact: 1 },
      });
      const queued = await s.t.database.db
        .select()
        .from(outbox)
        .where(eq(outbox.orgId, s.org.orgId));
      expect(queued).toHaveLength(0);
    });

    it("refuses a placeholder missing in one language, an email with no subject, and 0 recipients", async () => {
      const mismatch = await s.api.post("/api/v1/broadcasts", {
        ...body,
        body: { es: "Hola {name}", en: "Hello" },
      });
      expect(mismatch.status).toBe(422);
      expect(mismatch.json.error.fields["body.en"].code).toBe("placeholder_mismatch");
      const unknown = await s.api.post("/api/v1/broadcasts", {
        ...body,
        body: { es: "{nombre}", en: "{nombre}" },
      });
      expect(unknown.json.error.fields.body.code).toBe("unknown_placeholder");
      const noSubject = await s.api.post("/api/v1/broadcasts", { ...body, subject: undefined });
      expect(noSubject.json.error.fields.subject.code).toBe("required");
      const nobody = await s.api.post("/api/v1/broadcasts", {
        ...body,
        segment: { tags: ["nadie-tiene-esta"] },
      });
      expect(nobody.status).toBe(422);
      expect(nobody.json.error.code).toBe("no_recipients");
      const empty = await s.api.post("/api/v1/broadcasts", { ...body, body: { es: " ", en: "x" } });
      expect(empty.json.error.fields["body.es"].code).toBe("required");
      const badLevel = await s.api.post("/api/v1/broadcasts", {
        ...body,
        segment: { engagement_levels: ["boss"] },
      });
      expect(badLevel.status).toBe(422);
      expect((await member.post("/api/v1/broadcasts", body)).status).toBe(403);
    });

    it("queues one message per person in their language; sending again queues nothing new", async () => {
      const created = await s.api.post("/api/v1/broadcasts", body);
      const sent = await s.api.post(`/api/v1/broadcasts/${created.json.id}/send`, {});
      expect(sent.status).toBe(202);
      expect(sent.json.queued).toBe(2);
      const rows = await s.t.database.db.select().from(outbox).where(eq(outbox.orgId, s.org.orgId));
      const en = rows.find((r) => r.address === tagged[1]?.email);
      expect(en).toMatchObject({ language: "en", subject: "Meeting", status: "queued" });
      expect(en?.body).toBe(`Hi ${tagged[1]?.person.displayName}: meeting on Thursday.`);
      const again = await s.api.post(`/api/v1/broadcasts/${created.json.id}/send`, {});
      expect(again.json.queued).toBe(0);
      expect((await s.other.post(`/api/v1/broadcasts/${created.json.id}/send`, {})).status).toBe(
        404,
      );
    });

    it("above the owner's limit a second organizer must approve", async () => {
      await s.t.database.db
        .insert(messagingSettings)
        .values({ orgId: s.org.orgId, approvalLimit: 1 })
        .onConflictDoUpdate({ target: messagingSettings.orgId, set: { approvalLimit: 1 } });
      const created = await s.api.post("/api/v1/broadcasts", {
        ...body,
        channel: "sms",
        subject: undefined,
      });
      const refused = await s.api.post(`/api/v1/broadcasts/${created.json.id}/send`, {});
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe("approval_required");
      expect((await s.api.post(`/api/v1/broadcasts/${created.json.id}/approve`, {})).status).toBe(
        403,
      );
      expect((await second.post(`/api/v1/broadcasts/${created.json.id}/approve`, {})).status).toBe(
        200,
      );
      const sent = await s.api.post(`/api/v1/broadcasts/${created.json.id}/send`, {});
      expect(sent.status).toBe(202);
      // By SMS the one stopped by email is still reachable (a stop is per contact point).
      expect(sent.json.queued).toBe(3);
    });
  });

  describe("organization quiet hours and the outbox", () => {
    it("sets, refuses bad times, and turns quiet hours off", async () => {
      const ok = await s.api.patch("/api/v1/organization", {
        quiet_hours: { start: "09:00", end: "20:30" },
      });
      expect(ok.status).toBe(200);
      const [row] = await s.t.database.db
        .select()
        .from(messagingSettings)
        .where(eq(messagingSettings.orgId, s.org.orgId));
      expect(row).toMatchObject({ windowStart: "09:00", windowEnd: "20:30" });
      const bad = await s.api.patch("/api/v1/organization", {
        quiet_hours: { start: "25:00", end: "20:00" },
      });
      expect(bad.status).toBe(422);
      expect(bad.json.error.fields["quiet_hours.start"].code).toBe("invalid_clock");
      expect(
        (
          await s.api.patch("/api/v1/organization", {
            quiet_hours: { start: "09:00", end: "09:00" },
          })
        ).status,
      ).toBe(422);
      expect((await s.api.patch("/api/v1/organization", {})).status).toBe(422);
      expect((await second.patch("/api/v1/organization", { quiet_hours: null })).status).toBe(403);
      expect((await s.api.patch("/api/v1/organization", { quiet_hours: null })).status).toBe(200);
      const [off] = await s.t.database.db
        .select()
        .from(messagingSettings)
        .where(eq(messagingSettings.orgId, s.org.orgId));
      expect(off).toMatchObject({ windowStart: null, windowEnd: null });
    });

    it("lists the outbox by status for organizers, masked, never another organization's", async () => {
      const res = await s.api.get("/api/v1/outbox?status=queued");
      expect(res.status).toBe(200);
      expect(res.json.total_records).toBeGreaterThanOrEqual(4);
      expect(res.json.messages.every((m: { status: string }) => m.status === "queued")).toBe(true);
      // Masked: "p•••@example.org", never the whole address.
      expect(JSON.stringify(res.json)).not.toMatch(/persona\d+-[0-9a-f]{6}@/);
      expect(JSON.stringify(res.json)).toContain("•••");
      expect((await s.api.get("/api/v1/outbox?status=lost")).status).toBe(422);
      expect((await member.get("/api/v1/outbox")).status).toBe(403);
      expect((await s.other.get("/api/v1/outbox")).json.total_records).toBe(0);
    });

    it("documents every route in the OpenAPI document", async () => {
      const doc = await s.api.get("/api/v1/openapi.json");
      for (const path of [
        "/api/v1/people/{id}/consents",
        "/api/v1/broadcasts",
        "/api/v1/broadcasts/{id}/send",
        "/api/v1/organization",
        "/api/v1/outbox",
      ]) {
        expect(doc.json.paths[path], path).toBeTruthy();
      }
    });
  });
});
