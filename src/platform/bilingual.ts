import type { Lang } from "./i18n";

/** A text written in both of Amparo's languages. */
export type Bilingual = Record<Lang, string>;

/**
 * The text in `lang`, or the other language when that one is empty, with the language it
 * is really in (so a page can mark it with `lang`).
 */
export function pick(text: Bilingual, lang: Lang): { text: string; lang: Lang } {
  if (text[lang].trim()) return { text: text[lang], lang };
  const other: Lang = lang === "es" ? "en" : "es";
  return { text: text[other], lang: other };
}
