import type { PropsWithChildren } from "hono/jsx";
import { assetUrl } from "../assets";
import type { Lang } from "../i18n";
import { HeadBasics } from "./layout";
import { publicFrameText } from "./public-layout.messages";

// The frame of every public page (/p/...: campaigns, actions, drives): light (one small
// stylesheet, no script), both languages a tap apart, nothing from any other host.

export type PublicLayoutProps = PropsWithChildren<{
  lang: Lang;
  title: string;
  description: string;
  orgName: string;
  /** Canonical URL of this page, without ?lang. */
  url: string;
}>;

export function PublicLayout(props: PublicLayoutProps) {
  const t = publicFrameText[props.lang];
  const other: Lang = props.lang === "es" ? "en" : "es";
  return (
    <html lang={props.lang}>
      <head>
        <HeadBasics />
        <title>{`${props.title} · ${props.orgName}`}</title>
        <meta name="description" content={props.description} />
        <link rel="canonical" href={`${props.url}?lang=${props.lang}`} />
        <link rel="alternate" hreflang={other} href={`${props.url}?lang=${other}`} />
        <link rel="stylesheet" href={assetUrl("public.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
      </head>
      <body>
        <header class="pub-top">
          <div class="pub-wrap pub-top-inner">
            <span class="pub-org">{props.orgName}</span>
            <a
              class="pub-lang"
              href={`?lang=${other}`}
              hreflang={other}
              lang={other}
              aria-label={t.switch_to_other_label}
            >
              {t.switch_to_other}
            </a>
          </div>
        </header>
        <main id="main" class="pub-wrap">
          {props.children}
        </main>
        <footer class="pub-foot pub-wrap">
          <p>{t.footer(props.orgName)}</p>
          <p>{t.privacy_note}</p>
        </footer>
      </body>
    </html>
  );
}

/** Text split into paragraphs at blank lines; single line breaks are kept by the CSS. */
export function Paragraphs(props: { text: string; lang?: Lang | undefined }) {
  return (
    <div class="pub-text" lang={props.lang}>
      {props.text.split(/\n\s*\n/).map((p) => (
        <p>{p.trim()}</p>
      ))}
    </div>
  );
}
