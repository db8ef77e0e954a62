// Messages live beside the feature that uses them (people.messages.ts, ...).
// `defineMessages` types English against Spanish, so a missing key or a
// placeholder of the wrong shape fails `tsc`; i18n.test.ts checks the rest at run time.
export type Lang = "es" | "en";
export const LANGS: readonly Lang[] = ["es", "en"];

type MessageValue = string | ((...args: never[]) => string);
export type MessageSet = Record<string, MessageValue>;
export type Catalog<T extends MessageSet> = { es: T; en: NoInfer<T> };

const registry = new Map<string, Catalog<MessageSet>>();

export function defineMessages<T extends MessageSet>(name: string, catalog: Catalog<T>) {
  registry.set(name, catalog as Catalog<MessageSet>);
  return catalog;
}

export function registeredCatalogs(): ReadonlyMap<string, Catalog<MessageSet>> {
  return registry;
}

export function isLang(value: unknown): value is Lang {
  return value === "es" || value === "en";
}

/** Picks es or en from an Accept-Language header, honouring q weights. */
export function langFromAcceptLanguage(header: string | undefined | null): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) if (isLang(r.tag)) return r.tag;
  return null;
}

// Building an Intl formatter costs far more than using one (a page of 200 dates spent
// 30 ms building them): one per language, zone and style, kept for the process's life.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, timeZone: string, time: boolean): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone} ${time}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
      dateStyle: "medium",
      ...(time ? { timeStyle: "short" as const } : {}),
      timeZone,
    });
    dateFormats.set(key, f);
  }
  return f;
}

export function formatDate(date: Date, lang: Lang, timeZone: string): string {
  return dateFormat(lang, timeZone, false).format(date);
}

/** A calendar day ("2026-12-01") shown as written: noon UTC keeps the day in every zone. */
export function formatDay(day: string, lang: Lang): string {
  return formatDate(new Date(`${day}T12:00:00Z`), lang, "UTC");
}

export function formatDateTime(date: Date, lang: Lang, timeZone: string): string {
  return dateFormat(lang, timeZone, true).format(date);
}

const numberFormats = { es: new Intl.NumberFormat("es-US"), en: new Intl.NumberFormat("en-US") };

/** "Dec 11, 2026, 5:00 – 7:00 PM": a span of time, the day written once when it is one day. */
export function formatDateTimeRange(start: Date, end: Date, lang: Lang, timeZone: string): string {
  return dateFormat(lang, timeZone, true).formatRange(start, end);
}

export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}

/** "41 %" in Spanish, "41%" in English (whole percents; the number as the language writes it). */
export function formatPercent(n: number, lang: Lang): string {
  const number = formatNumber(n, lang);
  return lang === "es" ? `${number}\u00a0%` : `${number}%`;
}

const pluralRules = { es: new Intl.PluralRules("es-US"), en: new Intl.PluralRules("en-US") };

/**
 * A message for a count, as a function of the number: `counted("es", { one: "1 mensaje",
 * other: (n) => `${n} mensajes` })`. The form is chosen by the language's plural rules.
 */
export function counted(
  lang: Lang,
  forms: { one: string; other: (n: string) => string },
): (n: number) => string {
  return (n) => plural(lang, n, forms);
}

/**
 * "1 persona" / "12 personas": the form for `n` by the language's plural rules, with the
 * number formatted for that language. `other` gets the formatted number.
 */
export function plural(
  lang: Lang,
  n: number,
  forms: { one: string | ((n: string) => string); other: (n: string) => string },
): string {
  // A count read from a URL may not be a number: say 0, never "NaN".
  const count = Number.isFinite(n) ? n : 0;
  const text = formatNumber(count, lang);
  const form = pluralRules[lang].select(count) === "one" ? forms.one : forms.other;
  return typeof form === "string" ? form : form(text);
}
