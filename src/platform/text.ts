// Text shared by every module's search and forms. Pure: no I/O.

/** Lower case with accents stripped, for search: "María Fernández" -> "maria fernandez". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replaceAll("\u0000", "").toLowerCase();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we drop
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/**
 * What a search box sent (?q=), as text a query can use: control characters (NUL, which
 * PostgreSQL refuses in text, among them) become spaces, at most 200 characters, trimmed.
 */
export function searchQuery(value: unknown): string {
  return typeof value === "string" ? value.replace(CONTROL, " ").slice(0, 200).trim() : "";
}

/** Only the digits of a phone number, for search and matching: "(555) 010-2030" -> "5550102030". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, "");
}

/**
 * A LIKE pattern matching `term` anywhere in the text: its `\`, `%` and `_` escaped (LIKE's
 * default escape is `\`), so a search for "50%" finds "50%" and not every "50".
 */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
