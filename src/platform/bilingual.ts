import { z } from "zod";
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

/** One language of a text that may be left empty: trimmed, at most `max`, "" when absent. */
export const oneLanguage = (max: number) =>
  z
    .string("wrong_type")
    .trim()
    .max(max, "too_long")
    .nullable()
    .optional()
    .transform((v) => v ?? "");

/**
 * A text in either language or both: one is enough (pages show the other, marked with its
 * `lang`). Neither gives "one_language" on the Spanish field.
 */
export function eitherLanguage(max: number) {
  return z
    .object({ es: oneLanguage(max), en: oneLanguage(max) }, "required")
    .superRefine((v, ctx) => {
      if (!v.es && !v.en) ctx.addIssue({ code: "custom", path: ["es"], message: "one_language" });
    });
}
