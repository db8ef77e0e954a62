// Message templates: {placeholder} in both languages. Pure.
// A template whose languages name different placeholders is refused before anything is
// queued, so nobody receives "Hola {nombre}" with a hole in it.

import type { Language } from "./consent";

export type Bilingual = { es: string; en: string };
export const PLACEHOLDERS = ["name", "org", "date", "time", "place", "title"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PATTERN = /\{([a-z_]+)\}/g;

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1] ?? ""))].sort();
}

export type TemplateProblem =
  | { kind: "missing_in"; language: Language; placeholder: string }
  | { kind: "unknown"; placeholder: string };

/** What is wrong with a bilingual template, or [] when both languages agree. */
export function checkTemplate(
  template: Bilingual,
  allowed: readonly string[] = PLACEHOLDERS,
): TemplateProblem[] {
  const es = placeholdersOf(template.es);
  const en = placeholdersOf(template.en);
  const problems: TemplateProblem[] = [];
  for (const p of es)
    if (!en.includes(p)) problems.push({ kind: "missing_in", language: "en", placeholder: p });
  for (const p of en)
    if (!es.includes(p)) problems.push({ kind: "missing_in", language: "es", placeholder: p });
  for (const p of new Set([...es, ...en]))
    if (!allowed.includes(p)) problems.push({ kind: "unknown", placeholder: p });
  return problems;
}

/** Fills the placeholders; a value that is missing leaves the text empty there. */
export function render(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(PATTERN, (_, name: string) => values[name as Placeholder] ?? "");
}
