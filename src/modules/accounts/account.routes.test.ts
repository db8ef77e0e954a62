import { describe, expect, it } from "vitest";
import { Client, PASSWORD, refusedForm, signedIn } from "../../../test/support/app";
import { fieldError, text } from "../../../test/support/html";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import { accountsText } from "./accounts.messages";

// A signed-in person's own account page and password change, over HTTP.
describe.each(STORES)("my account over HTTP on %s", (store) => {
  const s = orgApp(store);

  for (const lang of ["es", "en"] as const) {
    it(`shows who I am, linked from every page's footer, in ${lang}`, async () => {
      const me = await signedIn(s.t, s.org.email, PASSWORD, lang);
      // The account's saved language wins over the browser's: choose it.
      await me.post("/lang", { lang, next: "/" });
      const home = await (await me.get("/")).text();
      expect(home).toContain('href="/account"');
      expect(home).toContain(common[lang].my_account);
      const res = await me.get("/account");
      expect(res.status).toBe(200);
      const body = text(await res.text());
      expect(body).toContain(accountsText[lang].account_title);
      expect(body).toContain(s.org.email);
      expect(body).toContain(common[lang].role_owner);
    });
  }

  it("refuses a wrong current password, a mismatch and a short one, never echoing a password", async () => {
    const me = await signedIn(s.t, s.org.email, PASSWORD, "en");
    await me.post("/lang", { lang: "en", next: "/" });
    const html = await refusedForm(me, "/account/password", {
      current_password: "not my password at all",
      new_password: "a brand new long phrase",
      confirm_password: "a brand new long phrase",
    });
    expect(fieldError(html, "current_password")).toBe(common.en.field_wrong_password);
    expect(html).not.toContain("not my password at all");
    expect(html).not.toContain("a brand new long phrase");
    const differ = await me.post("/account/password", {
      current_password: PASSWORD,
      new_password: "a brand new long phrase",
      confirm_password: "another long phrase",
    });
    expect(fieldError(await differ.text(), "confirm_password")).toBe(
      common.en.field_passwords_differ,
    );
    const short = await me.post("/account/password", {
      current_password: PASSWORD,
      new_password: "short",
      confirm_password: "short",
    });
    expect(short.status).toBe(422);
    expect(fieldError(await short.text(), "new_password")).toBe(common.en.field_password_too_short);
    const empty = await me.post("/account/password", {});
    expect(empty.status).toBe(422);
    expect(fieldError(await empty.text(), "current_password")).toBe(common.en.field_required);
    // Nothing changed: the old password still signs in.
    await signedIn(s.t, s.org.email, PASSWORD);
  });

  it("changes the password and signs out my other sessions, keeping this one", async () => {
    const other = await signedIn(s.t, s.org.email);
    const me = await signedIn(s.t, s.org.email);
    await me.post("/lang", { lang: "es", next: "/" });
    const next = "una frase nueva y bastante larga";
    const res = await me.post("/account/password", {
      current_password: PASSWORD,
      new_password: next,
      confirm_password: next,
    });
    expect(res.status).toBe(303);
    const after = await me.get(res.headers.get("location") ?? "");
    expect(after.status).toBe(200);
    expect(text(await after.text())).toMatch(
      /Contraseña cambiada\. Cerramos tus otras \d+ sesiones\./,
    );
    // The other session is gone; the old password no longer signs in; the new one does.
    expect((await other.get("/")).status).toBe(303);
    const old = new Client(s.t);
    expect((await old.post("/login", { email: s.org.email, password: PASSWORD })).status).toBe(401);
    await signedIn(s.t, s.org.email, next);
    expect(text(await (await me.get("/account")).text())).toContain(s.org.email);
    // Put it back for the other tests of this file.
    await me.post("/account/password", {
      current_password: next,
      new_password: PASSWORD,
      confirm_password: PASSWORD,
    });
  });

  it("is not there for someone signed out", async () => {
    const anon = new Client(s.t);
    expect((await anon.get("/account")).status).toBe(303);
    expect((await anon.post("/account/password", { current_password: PASSWORD })).status).toBe(401);
  });
});
