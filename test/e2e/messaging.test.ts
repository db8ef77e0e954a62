import { describe, expect } from "vitest";
import { createEmailTransport } from "../../src/modules/messaging/email-transport";
import { messagingText } from "../../src/modules/messaging/messaging.messages";
import { consentText } from "../../src/modules/messaging/messaging-consent.messages";
import { unsubscribeText } from "../../src/modules/messaging/messaging-public.messages";
import { createOutboxWorker } from "../../src/modules/messaging/outbox-worker";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import { startMailServer } from "../support/mail";
import { sendAnyTimeDb } from "../support/messaging";
import {
  ALL_RUNS,
  addPerson,
  eachRun,
  followButton,
  followNav,
  PAIRED_RUNS,
  type Run,
  submit,
  useBrowser,
  withOrganization,
} from "./flows";
import { PHONE } from "./server";

// Messaging's main path: an organizer records a person's consent on the person page,
// composes a broadcast, sees who gets it and who doesn't, sends it; the email arrives at
// a real SMTP server (in this process) with its one-click unsubscribe; the person uses it,
// and the person page shows them unsubscribed. Every page: axe, 360 px, one language.
// MESSAGING_E2E_ALL=1 runs desktop too (for screenshots with AMPARO_SHOTS=/tmp/shots).
const RUNS: Run[] =
  process.env.MESSAGING_E2E_ALL === "1"
    ? ALL_RUNS
    : [
        { lang: "es", viewport: PHONE },
        { lang: "en", viewport: PHONE },
      ];
void PAIRED_RUNS;

describe.skipIf(!hasChromium)("messaging in a real browser", () => {
  const browser = useBrowser();

  eachRun("consent, broadcast preview, send, email, unsubscribe", RUNS, async (run) => {
    const { lang } = run;
    const mail = await startMailServer();
    const org = {
      name: lang === "es" ? "Comité Inventado" : "Invented Committee",
      slug: "comite",
      owner: "Dueña Prueba",
      email: "comite@example.org",
      password: "una frase larga para avisar",
    };
    try {
      await withOrganization(
        browser(),
        run,
        org,
        async ({ server, page, check, actor, signIn }) => {
          const t = messagingText[lang];
          const k = consentText[lang];
          await sendAnyTimeDb(server.deps.db, actor.orgId);
          const ana = await addPerson(server, actor, {
            displayName: "Ana Inventada",
            emails: [{ address: "ana.inventada@example.org", primary: true }],
            phones: [{ number: "+1 415 555 0101", primary: true }],
            preferredLanguage: lang,
            tags: ["vecinos"],
          });
          await addPerson(server, actor, {
            displayName: "Beto Ficticio",
            emails: [{ address: "beto.ficticio@example.org", primary: true }],
            tags: ["vecinos"],
          });
          await addPerson(server, actor, { displayName: "Caro Sin Contacto", tags: ["vecinos"] });
          await signIn();

          // The person page: no consent yet; record it with the words she heard.
          await page.goto(`${server.url}/people/${ana.id}`);
          expect(await page.locator("#consent").innerText()).toContain(k.state_no_consent);
          await check("person page, consent section");
          await followButton(page, k.record, `**/people/${ana.id}/consents`);
          await check("record consent");
          await page.selectOption("#f-contact", "ana.inventada@example.org");
          await page.selectOption("#f-purpose", "broadcasts");
          await page.selectOption("#f-action", "grant");
          await page.selectOption("#f-source", "paper");
          await page.fill(
            "#f-wording",
            lang === "es"
              ? "Acepto recibir avisos del comité por correo."
              : "I agree to get the committee's notices by email.",
          );
          await submit(page, "main form");
          expect(await page.locator("[role=status]").first().textContent()).toBe(k.saved);
          expect(await page.locator(".consent-history").innerText()).toContain(k.action_grant);
          await check("consent recorded");

          // A broadcast to the tag: one gets it, one has no consent, one has no email.
          await followNav(page, common[lang].nav_messages, "**/messages");
          await check("outbox (empty)");
          await followButton(page, t.new_broadcast, "**/messages/broadcasts/new");
          await check("new broadcast");
          await page.selectOption("#f-channel", "email");
          await page.fill("#f-tags", "vecinos");
          await page.fill("#f-subject_es", "Asamblea del jueves");
          await page.fill("#f-subject_en", "Thursday meeting");
          await page.fill("#f-body_es", "Hola {name}: la asamblea es el jueves a las 7.");
          await page.fill("#f-body_en", "Hi {name}: the meeting is Thursday at 7.");
          await submit(page, "main form");
          const preview = await page.locator("main").innerText();
          expect(preview).toContain(t.recipients(1));
          expect(preview).toContain(t.excluded_no_consent(1));
          expect(preview).toContain(t.excluded_no_contact(1));
          expect(preview).toContain(t.segment_tags("vecinos"));
          await check("broadcast preview");
          await submit(page, `form[action$="/send"]`);
          expect(await page.locator("main").innerText()).toContain(t.queued(1));
          await check("outbox (queued)");

          // The worker sends it to the SMTP server, in Ana's language, with one-click unsubscribe.
          const worker = createOutboxWorker({
            db: server.deps.db,
            cipher: server.deps.cipher,
            publicUrl: server.url,
            transports: {
              email: createEmailTransport({
                smtpUrl: mail.url,
                from: "Comité <avisos@comite.example.org>",
              }),
            },
          });
          await worker.runOnce();
          await mail.waitFor(1);
          const [got] = mail.received;
          expect(got?.mail.to && "text" in got.mail.to ? got.mail.to.text : "").toContain(
            "ana.inventada@example.org",
          );
          expect(got?.mail.subject).toBe(
            lang === "es" ? "Asamblea del jueves" : "Thursday meeting",
          );
          expect(got?.mail.headers.get("content-language")).toBe(lang);
          expect(got?.mail.text).toContain("Ana Inventada");
          const raw = (got?.raw ?? "").replace(/\r?\n[ \t]+/g, " ");
          const unsubscribe = /^List-Unsubscribe: <([^>]+)>/im.exec(raw);
          expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);

          // She follows the link (the page speaks the message's language) and stops.
          const u = unsubscribeText[lang];
          await page.goto(unsubscribe?.[1] ?? "");
          expect(await page.locator("h1").textContent()).toBe(u.title);
          await check("unsubscribe");
          await submit(page, "main form");
          expect(await page.locator("[role=status]").textContent()).toBe(u.done);
          await check("unsubscribed");
          // One confirmation, and nothing more.
          await worker.runOnce();
          await mail.waitFor(2);
          await worker.stop();

          await page.goto(`${server.url}/people/${ana.id}`);
          expect(await page.locator("#consent").innerText()).toContain(k.state_stopped);
          await check("person page, stopped");
        },
      );
    } finally {
      await mail.close();
    }
  });
});
