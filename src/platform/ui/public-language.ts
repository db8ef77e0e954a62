import { isLang, type Lang, langFromAcceptLanguage } from "../i18n";

/**
 * The language of a public page: ?lang= (the switch link), then the language cookie the
 * app sets, then Accept-Language; null means "the organization's default language".
 */
export function publicLang(input: {
  query: string | undefined;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
}): { lang: Lang | null; fromQuery: boolean } {
  if (isLang(input.query)) return { lang: input.query, fromQuery: true };
  if (isLang(input.cookie)) return { lang: input.cookie, fromQuery: false };
  return { lang: langFromAcceptLanguage(input.acceptLanguage), fromQuery: false };
}
