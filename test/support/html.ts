// Reading server-rendered pages in HTTP-level tests, without a browser.

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The message shown next to a form field (platform/ui/forms.tsx renders `#f-NAME-error`). */
export function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`id="f-${escapeRe(name)}-error"[^>]*>([^<]*)<`).exec(html);
  return m ? decode(m[1] ?? "") : null;
}

/** Every field that shows an error, by name. */
export function fieldErrors(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/id="f-([\w-]+?)-error"[^>]*>([^<]*)</g)) {
    out[m[1] ?? ""] = decode(m[2] ?? "");
  }
  return out;
}

/** The value an `<input name=NAME>` (or the text a `<textarea name=NAME>`) was rendered with. */
export function fieldValue(html: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*\\bname="${escapeRe(name)}"[^>]*>`).exec(html)?.[0];
  if (input) return decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
  const area = new RegExp(`<textarea[^>]*\\bname="${escapeRe(name)}"[^>]*>([^<]*)</textarea>`).exec(
    html,
  );
  return area ? decode(area[1] ?? "") : null;
}

/** The option marked selected in `<select name=NAME>`. */
export function selectedValue(html: string, name: string): string | null {
  const select = new RegExp(
    `<select[^>]*\\bname="${escapeRe(name)}"[^>]*>([\\s\\S]*?)</select>`,
  ).exec(html)?.[1];
  if (select === undefined) return null;
  return /<option value="([^"]*)" selected/.exec(select)?.[1] ?? null;
}

/** The `<html lang>` of a page. */
export function pageLang(html: string): string | null {
  return /<html lang="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** Visible text, roughly: tags dropped, entities decoded, whitespace collapsed. */
export function text(html: string): string {
  return decode(
    html
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  ).trim();
}
