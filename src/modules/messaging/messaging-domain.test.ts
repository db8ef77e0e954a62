import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConsentRecord, consentState, isStopped } from "./consent";
import { maskContact, normalizeEmail, parseContactPoint, toE164 } from "./contact-point";
import { parseKeyword } from "./keywords";
import { RateLimiter } from "./rate-limiter";
import { countSms, smsEncoding } from "./sms-segments";
import { checkTemplate, placeholdersOf, render } from "./templates";

describe("SMS segments", () => {
  it("plain text and ñ/é fit GSM-7: 160 in one, 153 per part", () => {
    expect(countSms("Mañana es la audiencia de él.")).toMatchObject({
      encoding: "gsm7",
      segments: 1,
    });
    expect(countSms("a".repeat(160)).segments).toBe(1);
    expect(countSms("a".repeat(161)).segments).toBe(2);
    expect(countSms("a".repeat(306)).segments).toBe(2);
    expect(countSms("a".repeat(307)).segments).toBe(3);
  });

  it("an accent outside GSM-7 (í, á, ó, ú) forces UCS-2: 70 in one, 67 per part", () => {
    expect(smsEncoding("Recordatorio: su audiencia es en 3 días")).toBe("ucs2");
    expect(countSms("í".repeat(70)).segments).toBe(1);
    expect(countSms("í".repeat(71)).segments).toBe(2);
    expect(countSms(`${"a".repeat(133)}í`).segments).toBe(2);
    expect(countSms(`${"a".repeat(135)}í`).segments).toBe(3);
  });

  it("extension characters (€, [ ]) take two septets and are not split", () => {
    expect(countSms("€".repeat(80)).units).toBe(160);
    expect(countSms("€".repeat(80)).segments).toBe(1);
    expect(countSms(`${"a".repeat(159)}€`).segments).toBe(2);
    // 306 septets would fit two parts, but the € cannot straddle them.
    expect(countSms(`${"a".repeat(152)}€${"a".repeat(152)}`).segments).toBe(3);
  });

  it("emoji count as two UCS-2 units", () => {
    expect(countSms("✊🏽").units).toBe(3);
  });

  it("property: segments never under-count what a carrier would bill", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "ñ", "í", "€", " ", "🙂", "Z"), maxLength: 500 }),
        (text) => {
          const c = countSms(text);
          const single = c.encoding === "gsm7" ? 160 : 70;
          const part = c.encoding === "gsm7" ? 153 : 67;
          if (c.units === 0) expect(c.segments).toBe(0);
          else if (c.units <= single) expect(c.segments).toBe(1);
          else expect(c.segments).toBeGreaterThanOrEqual(Math.ceil(c.units / part));
        },
      ),
    );
  });
});

describe("keywords", () => {
  it("STOP and its Spanish forms, in any case, with punctuation and accents", () => {
    for (const body of [
      "STOP",
      "stop",
      " Alto! ",
      "PARAR",
      "baja",
      "Cancelar.",
      "NO MÁS",
      "Darse de baja",
    ]) {
      expect(parseKeyword(body), body).toBe("stop");
    }
  });
  it("HELP/AYUDA and START", () => {
    expect(parseKeyword("ayuda")).toBe("help");
    expect(parseKeyword("HELP")).toBe("help");
    expect(parseKeyword("Información")).toBe("help");
    expect(parseKeyword("START")).toBe("start");
  });
  it("a sentence that contains a keyword is not one", () => {
    expect(parseKeyword("no puedo parar de reír")).toBeNull();
    expect(parseKeyword("")).toBeNull();
    expect(parseKeyword("gracias")).toBeNull();
  });
});

describe("contact points", () => {
  it("phones become E.164", () => {
    expect(toE164("(415) 555-2671")).toBe("+14155552671");
    expect(toE164("+52 55 1234 5678")).toBe("+525512345678");
    expect(toE164("12")).toBeNull();
    expect(toE164("call me")).toBeNull();
    expect(toE164("9".repeat(10_000))).toBeNull();
  });
  it("emails are trimmed and lower-cased; anything else is refused", () => {
    expect(normalizeEmail("  Ana@Example.ORG ")).toBe("ana@example.org");
    expect(normalizeEmail("<b>x</b>@y")).toBeNull();
    expect(parseContactPoint("+1 415 555 2671")).toEqual({
      channel: "sms",
      address: "+14155552671",
    });
    expect(parseContactPoint("nobody")).toBeNull();
  });
  it("staff pages show a masked contact point", () => {
    expect(maskContact({ channel: "sms", address: "+14155552671" })).toBe("•••2671");
    expect(maskContact({ channel: "email", address: "ana@example.org" })).toBe("a•••@example.org");
  });
});

describe("templates", () => {
  it("a placeholder missing in one language is a problem", () => {
    expect(checkTemplate({ es: "Hola {name}", en: "Hello" })).toEqual([
      { kind: "missing_in", language: "en", placeholder: "name" },
    ]);
    expect(checkTemplate({ es: "Hola {name}, {org}", en: "Hi {org} {name}" })).toEqual([]);
    expect(checkTemplate({ es: "{nombre}", en: "{nombre}" })).toEqual([
      { kind: "unknown", placeholder: "nombre" },
    ]);
  });
  it("renders the values", () => {
    expect(placeholdersOf("{org}{name}{org}")).toEqual(["name", "org"]);
    expect(render("Hola {name} de {org}", { name: "Lupe", org: "Comité" })).toBe(
      "Hola Lupe de Comité",
    );
  });
});

describe("consent", () => {
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
  const r = (
    purpose: ConsentRecord["purpose"],
    action: ConsentRecord["action"],
    n: number,
  ): ConsentRecord => ({
    purpose,
    action,
    at: at(n),
    seq: n,
  });
  it("the latest record wins", () => {
    expect(consentState([], "broadcasts")).toBe("no_consent");
    expect(consentState([r("broadcasts", "grant", 1)], "broadcasts")).toBe("granted");
    expect(
      consentState([r("broadcasts", "grant", 1), r("broadcasts", "revoke", 2)], "broadcasts"),
    ).toBe("no_consent");
    expect(consentState([r("broadcasts", "grant", 1)], "hearing_reminders")).toBe("no_consent");
  });
  it("a stop silences every purpose until a new grant or START", () => {
    const stopped = [
      r("broadcasts", "grant", 1),
      r("hearing_reminders", "grant", 2),
      r("all", "revoke", 3),
    ];
    expect(consentState(stopped, "broadcasts")).toBe("stopped");
    expect(consentState(stopped, "action_reminders")).toBe("stopped");
    expect(consentState([...stopped, r("broadcasts", "grant", 4)], "broadcasts")).toBe("granted");
    expect(consentState([...stopped, r("broadcasts", "grant", 4)], "hearing_reminders")).toBe(
      "stopped",
    );
    expect(consentState([...stopped, r("all", "grant", 4)], "hearing_reminders")).toBe("granted");
    expect(isStopped(stopped)).toBe(true);
    expect(isStopped([...stopped, r("all", "revoke", 5)])).toBe(true);
  });
  it("property: the order records arrive in does not matter, only their time", () => {
    const recordArb = fc.record({
      purpose: fc.constantFrom("broadcasts", "hearing_reminders", "all" as const),
      action: fc.constantFrom("grant" as const, "revoke" as const),
      n: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(recordArb, { selector: (x) => x.n, maxLength: 20 }), (items) => {
        const records = items.map((i) => r(i.purpose, i.action, i.n));
        const reversed = [...records].reverse();
        expect(consentState(reversed, "broadcasts")).toBe(consentState(records, "broadcasts"));
      }),
    );
  });
});

describe("rate limiter", () => {
  it("takes at once while tokens last and nobody waits; then in order, at the pace", async () => {
    const bucket = new RateLimiter(20);
    let taken = 0;
    while (bucket.tryTake()) taken++;
    expect(taken).toBe(20);
    const started = Date.now();
    const order: number[] = [];
    const waits = [1, 2].map((i) => bucket.take().then(() => order.push(i)));
    // Someone waits: no one jumps the queue, even with a token back.
    await new Promise((r) => setTimeout(r, 60));
    expect(bucket.tryTake()).toBe(false);
    await Promise.all(waits);
    expect(order).toEqual([1, 2]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });
});
