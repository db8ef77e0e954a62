import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Catalog,
  counted,
  LANGS,
  langFromAcceptLanguage,
  type MessageSet,
  registeredCatalogs,
} from "./i18n";

// Both languages complete: every catalog is found on disk, loaded, and checked
// key by key, so a missing or empty message fails here (and tsc checks the types).
const SRC = join(dirname(fileURLToPath(import.meta.url)), "..");

function messageFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return messageFiles(path);
    return entry.name.endsWith(".messages.ts") ? [path] : [];
  });
}

const isCatalog = (value: unknown): value is Catalog<MessageSet> =>
  !!value &&
  typeof value === "object" &&
  "es" in value &&
  "en" in value &&
  typeof (value as { es: unknown }).es === "object";

/** Sample arguments so placeholder functions can be called. */
const sample = (arity: number) => Array.from({ length: arity }, (_, i) => `«arg${i}»`) as never[];

describe("message catalogs", () => {
  const files = messageFiles();
  const fromFile = new Map<string, Catalog<MessageSet>[]>();

  beforeAll(async () => {
    for (const file of files) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      fromFile.set(relative(SRC, file), Object.values(module).filter(isCatalog));
    }
  });

  it("finds the messages of every module on disk", () => {
    const names = files.map((f) => relative(SRC, f)).sort();
    for (const expected of [
      "platform/common.messages.ts",
      "modules/accounts/accounts.messages.ts",
      "modules/people/people.messages.ts",
      "modules/home/home.messages.ts",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it("registers every exported catalog of every messages file with defineMessages", () => {
    const registered = new Set(registeredCatalogs().values());
    for (const [file, catalogs] of fromFile) {
      expect(catalogs.length, `${file} exports no catalog`).toBeGreaterThan(0);
      for (const catalog of catalogs) {
        expect(registered.has(catalog), `${file}: a catalog not made with defineMessages`).toBe(
          true,
        );
      }
    }
    // ...and nothing registered comes from anywhere else.
    const exported = new Set([...fromFile.values()].flat());
    for (const [name, catalog] of registeredCatalogs()) {
      expect(exported.has(catalog), `catalog "${name}" lives outside a *.messages.ts file`).toBe(
        true,
      );
    }
  });

  it("has the same keys in Spanish and English, of the same kind and arity, none empty", () => {
    const used = (value: unknown, arity: number) => {
      const out = (value as (...args: never[]) => string)(...sample(arity));
      return Array.from({ length: arity }, (_, i) => i).filter((i) => out.includes(`«arg${i}»`));
    };
    expect(registeredCatalogs().size).toBeGreaterThanOrEqual(4);
    for (const [name, catalog] of registeredCatalogs()) {
      const es = Object.keys(catalog.es).sort();
      const en = Object.keys(catalog.en).sort();
      expect(en, `${name}: keys differ`).toEqual(es);
      for (const key of es) {
        const a = catalog.es[key];
        const b = catalog.en[key];
        const where = `${name}.${key}`;
        expect(typeof b, `${where}: kind differs`).toBe(typeof a);
        if (typeof a === "function") {
          // Both languages show the same placeholders (a count may only pick the wording).
          expect(used(b, a.length), `${where}: placeholders differ`).toEqual(used(a, a.length));
        }
        for (const [lang, value] of [
          ["es", a],
          ["en", b],
        ] as const) {
          if (typeof value === "function") {
            expect(value.length, `${where} (${lang}): arity`).toBe(
              (a as (...args: never[]) => string).length,
            );
            const out = value(...sample(value.length));
            expect(typeof out, `${where} (${lang})`).toBe("string");
            expect(out.trim().length, `${where} (${lang}) is empty`).toBeGreaterThan(0);
          } else {
            expect(typeof value, `${where} (${lang})`).toBe("string");
            expect((value as string).trim().length, `${where} (${lang}) is empty`).toBeGreaterThan(
              0,
            );
            expect(value, `${where} (${lang}) has a stray placeholder`).not.toMatch(
              /\{\{|\$\{|undefined|TODO/,
            );
          }
        }
      }
    }
  });

  it("writes the two languages differently (nothing left untranslated by accident)", () => {
    // Short words may legitimately match (No, Amparo, —); long sentences shouldn't.
    for (const [name, catalog] of registeredCatalogs()) {
      for (const key of Object.keys(catalog.es)) {
        const es = catalog.es[key];
        const en = catalog.en[key];
        if (typeof es === "string" && es.length > 20) {
          expect(en, `${name}.${key} is the same in both languages`).not.toBe(es);
        }
      }
    }
  });
});

describe("langFromAcceptLanguage", () => {
  it.each([
    [undefined, null],
    [null, null],
    ["", null],
    ["en", "en"],
    ["es", "es"],
    ["en-US,en;q=0.9", "en"],
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["ES-us", "es"],
    ["fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7", "en"],
    ["fr;q=1, es;q=0.5, en;q=0.4", "es"],
    ["en;q=0.2, es;q=0.8", "es"],
    ["es;q=0, en", "en"],
    ["en;q=0", null],
    ["*", null],
    ["fr, de", null],
    ["en;q=abc, es", "es"],
    ["  en-GB  ;  q=0.7 ,  es ; q=0.3", "en"],
    [";;;,,,", null],
    ["x".repeat(10_000), null],
    [`${"fr,".repeat(5_000)}en`, "en"],
  ] as const)("%j -> %j", (header, expected) => {
    expect(langFromAcceptLanguage(header)).toBe(expected);
  });

  it("only ever answers a supported language", () => {
    for (const header of ["pt-BR", "en", "es-419", "zh-Hant-TW,en;q=0.1"]) {
      const lang = langFromAcceptLanguage(header);
      expect(lang === null || LANGS.includes(lang)).toBe(true);
    }
  });
});

describe("counted", () => {
  const people = {
    es: counted("es", { one: "1 persona", other: (n) => `${n} personas` }),
    en: counted("en", { one: "1 person", other: (n) => `${n} people` }),
  };

  it("picks the form by the language's plural rules and formats the number", () => {
    expect(people.es(1)).toBe("1 persona");
    expect(people.es(0)).toBe("0 personas");
    expect(people.en(1)).toBe("1 person");
    expect(people.en(1234)).toBe("1,234 people");
  });

  it("says 0 for a count that is not a number (a tampered URL)", () => {
    expect(people.es(Number("abc"))).toBe("0 personas");
    expect(people.en(Number.POSITIVE_INFINITY)).toBe("0 people");
  });
});
