import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  Client,
  createOrg,
  PASSWORD,
  refusedForm,
  signedIn,
  type TestApp,
} from "../../../test/support/app";
import { fieldError, fieldValue, pageLang, text } from "../../../test/support/html";
import { peopleNamed } from "../../../test/support/people";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import { sha256 } from "../../platform/crypto";
import { accountsText } from "./accounts.messages";
import { SIGN_IN_LIMITS } from "./sign-in";

// Sign-in, sessions, CSRF and language over HTTP (setup is in setup.routes.test.ts,
// invitations and roles in users.routes.test.ts).

/** A sign-in from a given client address (the app reads it from the Node socket). */
async function loginFrom(t: TestApp, address: string, email: string, password: string) {
  const csrf = "a".repeat(43);
  return t.app.request(
    "/login",
    {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `amparo_csrf=${csrf}`,
      },
      body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

const sessionsOf = async (t: TestApp, userId: string) =>
  Number(
    (
      await t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${userId}`,
      )
    ).rows[0]?.n,
  );

describe.each(STORES)("sign-in and sessions over HTTP on %s", (store) => {
  const s = orgApp(store);

  for (const lang of ["es", "en"] as const) {
    it(`refuses a wrong password or unknown email with 401 and a clear ${lang} message`, async () => {
      const client = new Client(s.t, { "accept-language": lang });
      for (const email of [s.org.email, "nadie@example.org"]) {
        const res = await client.post("/login", { email, password: "not the password" });
        expect(res.status).toBe(401);
        const html = await res.text();
        expect(pageLang(html)).toBe(lang);
        expect(text(html)).toContain(accountsText[lang].signin_failed);
        expect(fieldValue(html, "email")).toBe(email);
        expect(fieldValue(html, "password")).toBe("");
        expect(html).not.toContain("not the password");
        expect(client.cookie("amparo_session")).toBeUndefined();
      }
    });
  }

  it("refuses empty, whitespace and 10,000-character fields with 422, never 500", async () => {
    const client = new Client(s.t, { "accept-language": "en" });
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { email: "", password: "" },
        { email: "required", password: "required" },
      ],
      [
        { email: "   ", password: "" },
        { email: "required", password: "required" },
      ],
      [{ email: "x".repeat(10_000), password: "y".repeat(10_000) }, { email: "too_long" }],
      // NUL can't be typed; it is dropped, leaving an empty password.
      [{ email: "a\u0000b@example.org", password: "\u0000" }, { password: "required" }],
    ];
    for (const [form, errors] of cases) {
      const html = await refusedForm(client, "/login", form);
      for (const [field, key] of Object.entries(errors)) {
        expect(fieldError(html, field), field).toBe(
          common.en[`field_${key}` as keyof (typeof common)["en"]],
        );
      }
    }
  });

  it("slows guesses per account and address, and never locks the owner out from elsewhere", async () => {
    const victim = await createOrg(s.t, "Cuenta Atacada");
    const attacker = "192.0.2.50";
    const { free } = SIGN_IN_LIMITS.perPair;
    for (let i = 0; i < free; i++) {
      expect((await loginFrom(s.t, attacker, victim.email, `guess ${i}`)).status).toBe(401);
    }
    // Then a wait between tries from that address, even with the right password...
    const refused = await loginFrom(s.t, attacker, victim.email, PASSWORD);
    expect(refused.status).toBe(429);
    const firstWait = Number(refused.headers.get("retry-after"));
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(2);
    const html = await refused.text();
    expect(text(html)).toContain(common.es.error_rate_limited);
    expect(fieldValue(html, "email")).toBe(victim.email);
    expect(await sessionsOf(s.t, victim.userId)).toBe(0);
    // ...that grows with every failure after it (the clock moved on past each wait).
    const pair = `signin:pair:${sha256(`${victim.email}\u0000${attacker}`)}`;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await s.t.database.db.execute(
        sql`UPDATE rate_limits SET window_start = window_start - interval '1 hour' WHERE key = ${pair}`,
      );
      expect((await loginFrom(s.t, attacker, victim.email, "another guess")).status).toBe(401);
      waits.push(
        Number((await loginFrom(s.t, attacker, victim.email, "x")).headers.get("retry-after")),
      );
    }
    expect(waits[0]).toBeGreaterThan(firstWait);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
    // The owner at their own address, in English too, signs in at once.
    const owner = await loginFrom(s.t, "198.51.100.23", victim.email.toUpperCase(), PASSWORD);
    expect(owner.status).toBe(303);
    // Retrying one account counted once against the attacker's address.
    const address = await s.t.database.db.execute<{ hits: number }>(
      sql`SELECT hits FROM rate_limits WHERE key = ${`signin:addr:${sha256(attacker)}`}`,
    );
    expect(Number(address.rows[0]?.hits)).toBe(1);
    // After a right password the count starts over.
    await s.t.database.db.execute(
      sql`UPDATE rate_limits SET window_start = window_start - interval '1 hour' WHERE key = ${pair}`,
    );
    expect((await loginFrom(s.t, attacker, victim.email, PASSWORD)).status).toBe(303);
    expect((await loginFrom(s.t, attacker, victim.email, "typo")).status).toBe(401);
    expect((await loginFrom(s.t, attacker, victim.email, PASSWORD)).status).toBe(303);
  });

  it("rotates the CSRF cookie at sign-in", async () => {
    const client = new Client(s.t);
    await client.get("/login");
    const before = client.cookie("amparo_csrf");
    expect(before).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await client.post("/login", { email: s.org.email, password: PASSWORD })).status).toBe(
      303,
    );
    const after = client.cookie("amparo_csrf");
    expect(after).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(after).not.toBe(before);
    // The old token no longer passes; the new one does.
    expect((await client.post("/people", { display_name: "Vieja" }, { csrf: before })).status).toBe(
      403,
    );
    expect((await client.post("/logout", {})).status).toBe(303);
  });

  it("gives a new session id at every sign-in, and a planted cookie is useless", async () => {
    const client = new Client(s.t);
    client.setCookie("amparo_session", "planted-by-someone-else");
    expect((await client.post("/login", { email: s.org.email, password: PASSWORD })).status).toBe(
      303,
    );
    const first = client.cookie("amparo_session");
    expect(first).toBeTruthy();
    expect(first).not.toBe("planted-by-someone-else");
    expect((await client.post("/login", { email: s.org.email, password: PASSWORD })).status).toBe(
      303,
    );
    const second = client.cookie("amparo_session");
    expect(second).not.toBe(first);
    // The database keeps only hashes of the tokens.
    const stored = await s.t.database.db.execute<{ token_hash: string }>(
      sql`SELECT token_hash FROM sessions WHERE user_id = ${s.org.userId}`,
    );
    const hashes = stored.rows.map((r) => r.token_hash);
    expect(hashes).toContain(sha256(second ?? ""));
    expect(hashes).not.toContain(second);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, and Secure only behind https", async () => {
    const plain = await loginFrom(s.t, "10.1.0.1", s.org.email, PASSWORD);
    const cookie = plain.headers.getSetCookie().find((c) => c.startsWith("amparo_session="));
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);

    const csrf = "b".repeat(43);
    const https = await s.t.app.request("/login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `amparo_csrf=${csrf}`,
        "x-forwarded-proto": "https",
      },
      body: new URLSearchParams({ email: s.org.email, password: PASSWORD, _csrf: csrf }).toString(),
    });
    expect(https.status).toBe(303);
    for (const c of https.headers.getSetCookie()) expect(c).toMatch(/;\s*Secure/i);
  });

  it("signs out by destroying the session: the old cookie no longer works", async () => {
    const client = await signedIn(s.t, s.org.email);
    const token = client.cookie("amparo_session") ?? "";
    expect((await client.get("/")).status).toBe(200);
    const out = await client.post("/logout", {});
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/login?out=1");
    expect(client.cookie("amparo_session")).toBeUndefined();
    const replay = new Client(s.t);
    replay.setCookie("amparo_session", token);
    const res = await replay.get("/");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login");
    const rows = await s.t.database.db.execute(
      sql`SELECT 1 FROM sessions WHERE token_hash = ${sha256(token)}`,
    );
    expect(rows.rows).toHaveLength(0);
  });

  it("sends an expired session to /login?expired=1 and says so; a form sent late says so too", async () => {
    const client = await signedIn(s.t, s.org.email, PASSWORD, "es");
    await s.t.database.db.execute(
      sql`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = ${sha256(client.cookie("amparo_session") ?? "")}`,
    );
    const res = await client.get("/people");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?expired=1");
    const login = await client.get("/login?expired=1");
    expect(login.status).toBe(200);
    expect(text(await login.text())).toContain(accountsText.es.session_expired);

    const late = await client.post("/people", { display_name: "Escrita tarde" });
    expect(late.status).toBe(401);
    expect(text(await late.text())).toContain(common.es.error_session_expired);
    expect(await peopleNamed(s.t, "Escrita tarde")).toBe(0);
  });

  it("limits failed attempts per address, while successful sign-ins don't use it up", async () => {
    const { limit } = SIGN_IN_LIMITS.perAddress;
    // A team behind one office address signs in all morning: never refused.
    for (let i = 0; i < limit + 5; i++) {
      expect((await loginFrom(s.t, "192.0.2.10", s.org.email, PASSWORD)).status).toBe(303);
    }
    // Guessing across many accounts from one address is cut off.
    for (let i = 0; i < limit; i++) {
      expect((await loginFrom(s.t, "192.0.2.66", `guess-${i}@example.org`, "nope")).status).toBe(
        401,
      );
    }
    const blocked = await loginFrom(s.t, "192.0.2.66", s.org.email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(text(await blocked.text())).toContain(common.es.error_rate_limited);
    // Another address is unaffected.
    expect((await loginFrom(s.t, "192.0.2.11", s.org.email, PASSWORD)).status).toBe(303);
  });
});

describe.each(STORES)("CSRF and language over HTTP on %s", (store) => {
  const s = orgApp(store);

  const peopleNamed = async (name: string) =>
    (
      await s.t.database.db.execute(
        sql`SELECT 1 FROM people WHERE org_id = ${s.org.orgId} AND display_name = ${name}`,
      )
    ).rows.length;

  it("refuses a form without, or with a wrong, _csrf with 403", async () => {
    // The owner chose Spanish at setup, so signed-in pages are in Spanish.
    const client = await signedIn(s.t, s.org.email, PASSWORD, "en");
    for (const csrf of [null, "", "x".repeat(43), `${client.cookie("amparo_csrf")}x`]) {
      const res = await client.post("/people", { display_name: "Falsificada" }, { csrf });
      expect(res.status).toBe(403);
      expect(text(await res.text())).toContain(common.es.error_csrf_failed);
    }
    const out = await client.post("/logout", {}, { csrf: null });
    expect(out.status).toBe(403);
    expect((await client.get("/")).status).toBe(200);
    const login = await new Client(s.t).post(
      "/login",
      { email: s.org.email, password: PASSWORD },
      { csrf: null },
    );
    expect(login.status).toBe(403);
    expect(text(await login.text())).toContain(common.es.error_csrf_failed);
    expect(await peopleNamed("Falsificada")).toBe(0);
  });

  it("refuses a form from a foreign Origin even with the right token", async () => {
    const good = await signedIn(s.t, s.org.email);
    const evil = new Client(s.t, { origin: "https://evil.example" });
    evil.setCookie("amparo_session", good.cookie("amparo_session") ?? "");
    evil.setCookie("amparo_csrf", good.cookie("amparo_csrf") ?? "");
    const res = await evil.post("/people", { display_name: "Desde otro sitio" });
    expect(res.status).toBe(403);
    expect(await peopleNamed("Desde otro sitio")).toBe(0);
    // The same form from our own origin goes through.
    const same = new Client(s.t, { origin: "http://localhost" });
    same.setCookie("amparo_session", good.cookie("amparo_session") ?? "");
    same.setCookie("amparo_csrf", good.cookie("amparo_csrf") ?? "");
    expect((await same.post("/people", { display_name: "Desde aquí" })).status).toBe(303);
    expect(await peopleNamed("Desde aquí")).toBe(1);
  });

  it("keeps the CSRF cookie HttpOnly and SameSite=Lax", async () => {
    const res = await s.t.app.request("/login");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("amparo_csrf="));
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it("picks the language: Accept-Language, then the cookie over it", async () => {
    const en = await new Client(s.t, { "accept-language": "en-US,en;q=0.9" }).get("/login");
    const enHtml = await en.text();
    expect(pageLang(enHtml)).toBe("en");
    expect(enHtml).toContain(accountsText.en.signin_title);
    const es = await new Client(s.t, { "accept-language": "fr, es;q=0.5" }).get("/login");
    expect(pageLang(await es.text())).toBe("es");
    expect(pageLang(await (await new Client(s.t).get("/login")).text())).toBe("es");

    const client = new Client(s.t, { "accept-language": "en" });
    client.setCookie("amparo_lang", "es");
    const html = await (await client.get("/login")).text();
    expect(pageLang(html)).toBe("es");
    expect(html).toContain(accountsText.es.signin_title);
    // A language we don't have in the cookie is ignored.
    client.setCookie("amparo_lang", "fr");
    expect(pageLang(await (await client.get("/login")).text())).toBe("en");
  });

  it("keeps a signed-in user's choice across sessions and devices", async () => {
    const member = await createOrg(s.t, "Organización Bilingüe");
    const first = await signedIn(s.t, member.email, PASSWORD, "es");
    expect(pageLang(await (await first.get("/")).text())).toBe("es");
    const res = await first.post("/lang", { lang: "en", next: "/people" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/people");
    expect(pageLang(await (await first.get("/people")).text())).toBe("en");
    await first.post("/logout", {});
    // A new device that asks for Spanish still gets the user's English once signed in.
    const other = await signedIn(s.t, member.email, PASSWORD, "es");
    const html = await (await other.get("/")).text();
    expect(pageLang(html)).toBe("en");
    expect(html).toContain(common.en.sign_out);
  });

  it("refuses an unknown language with 400, and never redirects off-site", async () => {
    const client = new Client(s.t);
    expect((await client.post("/lang", { lang: "fr" })).status).toBe(400);
    for (const next of [
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      const res = await client.post("/lang", { lang: "en", next });
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers.get("location"), JSON.stringify(next)).toBe("/");
    }
    const ok = await client.post("/lang", { lang: "es", next: "/people?q=ana&page=2" });
    expect(ok.headers.get("location")).toBe("/people?q=ana&page=2");
  });
});
