import type { Child, PropsWithChildren } from "hono/jsx";
import { assetUrl } from "../assets";
import { common } from "../common.messages";
import type { SignedIn } from "../http";
import type { Lang } from "../i18n";
import { MainNav, type Section } from "./nav";

export type PageProps = PropsWithChildren<{
  title: string;
  lang: Lang;
  csrf: string;
  path: string;
  auth: SignedIn | null;
  /** Which nav item is current. */
  section?: Section;
}>;

/** What every page's head starts with, staff or public: the encoding, a phone's width, and no referrer. */
export function HeadBasics() {
  return (
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
    </>
  );
}

export function Page(props: PageProps) {
  const t = common[props.lang];
  const auth = props.auth;
  return (
    <html lang={props.lang}>
      <head>
        <HeadBasics />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <title>{`${props.title} · ${auth?.org.name ?? t.app_name}`}</title>
        <link rel="stylesheet" href={assetUrl("app.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <script src={assetUrl("htmx.min.js")} defer />
        <script src={assetUrl("app.js")} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip_to_content}
        </a>
        <header class="topbar">
          <div class="topbar-inner">
            <a class="brand" href="/">
              <Logo />
              <span>{auth?.org.name ?? t.app_name}</span>
            </a>
            <div class="topbar-tools">
              <LanguageSwitch lang={props.lang} csrf={props.csrf} path={props.path} />
              {auth && (
                <form method="post" action="/logout" class="inline">
                  <input type="hidden" name="_csrf" value={props.csrf} />
                  <button type="submit" class="signout">
                    <SignOutIcon />
                    <span class="signout-label">{t.sign_out}</span>
                  </button>
                </form>
              )}
            </div>
          </div>
          {auth && <MainNav lang={props.lang} auth={auth} current={props.section} />}
        </header>
        <main id="main" class="container">
          {props.children}
        </main>
        {auth && (
          <footer class="footer container">
            <p>
              {t.signed_in_as(auth.user.name, auth.org.name)} ·{" "}
              <a href="/account">{t.my_account}</a>
            </p>
          </footer>
        )}
      </body>
    </html>
  );
}

export function LanguageSwitch(props: { lang: Lang; csrf: string; path: string }) {
  const t = common[props.lang];
  return (
    <form method="post" action="/lang" class="inline">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="lang" value={props.lang === "es" ? "en" : "es"} />
      <input type="hidden" name="next" value={props.path} />
      <button
        type="submit"
        class="lang-switch"
        lang={props.lang === "es" ? "en" : "es"}
        title={t.switch_to_other_label}
      >
        {t.switch_to_other}
      </button>
    </form>
  );
}

function SignOutIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d="M10 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h4" />
      <path d="M15 8l4 4-4 4" />
      <path d="M19 12H10" />
    </svg>
  );
}

function Logo() {
  return (
    <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M16 7 L25 12 V18 C25 22 21 25 16 26 C11 25 7 22 7 18 V12 Z" fill="#fff" />
      <path d="M12 17 L15 20 L21 13" stroke="currentColor" stroke-width="2.5" fill="none" />
    </svg>
  );
}

/**
 * The one card-like block most screens are built from. `labelled` names the section by its
 * title (aria-labelledby `<id>-title`), for panels a page links to by id.
 */
export function Panel(
  props: PropsWithChildren<{
    title?: Child;
    /** What the panel is for, under its title. */
    hint?: Child;
    class?: string;
    id?: string;
    labelled?: boolean;
  }>,
) {
  const titleId = props.labelled && props.id ? `${props.id}-title` : undefined;
  return (
    <section class={`panel ${props.class ?? ""}`} id={props.id} aria-labelledby={titleId}>
      {props.title && (
        <h2 class="panel-title" id={titleId}>
          {props.title}
        </h2>
      )}
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.children}
    </section>
  );
}

/** Previous / page N of M / next, as plain links so it works without JavaScript. */
export function Pager(props: {
  lang: Lang;
  page: number;
  pages: number;
  link: (page: number) => string;
}) {
  const c = common[props.lang];
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={c.page_of(props.page, props.pages)}>
      {props.page > 1 ? (
        <a href={props.link(props.page - 1)}>← {c.previous}</a>
      ) : (
        <span class="disabled">← {c.previous}</span>
      )}
      <span>{c.page_of(props.page, props.pages)}</span>
      {props.page < props.pages ? (
        <a href={props.link(props.page + 1)}>{c.next} →</a>
      ) : (
        <span class="disabled">{c.next} →</span>
      )}
    </nav>
  );
}
