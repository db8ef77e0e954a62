import type { Child, PropsWithChildren } from "hono/jsx";
import { type Bilingual, pick } from "../bilingual";
import { common } from "../common.messages";
import type { Lang } from "../i18n";
import { Csrf, Form, FormAlert, type FormState, SubmitOrCancel } from "./forms";
import { Page, type PageProps, Pager } from "./layout";
import { ListEmpty } from "./lists";
import type { ViewProps } from "./view";

// The building blocks most staff screens are made of: a notice after a redirect, a list
// with search, filters, count, empty states and pager, a form page, a confirm page.

type Section = PageProps["section"];

/**
 * A text written in both languages, in the page's language; when only the other one was
 * written, that one, marked with its `lang` so screen readers pronounce it right.
 */
export function InLang(props: { text: Bilingual; lang: Lang }) {
  const chosen = pick(props.text, props.lang);
  if (chosen.lang === props.lang) return chosen.text;
  return <span lang={chosen.lang}>{chosen.text}</span>;
}

/** "Saved." after a redirect: announced, not focus-stealing. */
export function Notice(props: { text?: string | undefined }) {
  if (!props.text) return null;
  return (
    <div class="alert alert-ok" role="status">
      {props.text}
    </div>
  );
}

export type BackLink = { href: string; label: Child };

/** "← The case": the way back to where this page was opened from. */
export function Back(props: { link?: BackLink | undefined }) {
  if (!props.link) return null;
  return (
    <p>
      <a href={props.link.href}>← {props.link.label}</a>
    </p>
  );
}

/** A page title with, at most, one primary action beside it. */
export function PageHead(props: { title: Child; action?: { href: string; label: Child } | null }) {
  return (
    <div class="page-head">
      <h1>{props.title}</h1>
      {props.action && (
        <a class="button" href={props.action.href}>
          {props.action.label}
        </a>
      )}
    </div>
  );
}

/**
 * The head of one record's page (a person, a case, a shift): the way back, the title with
 * its badges under it, an edit link when the user may edit, and the notice of a redirect.
 */
export function RecordHead(props: {
  back: BackLink;
  title: Child;
  badges: Child;
  edit: { href: string; label: Child } | null | false;
  notice: string | undefined;
}) {
  return (
    <>
      <Back link={props.back} />
      <div class="page-head">
        <div>
          <h1>{props.title}</h1>
          {props.badges}
        </div>
        {props.edit && (
          <a class="button secondary" href={props.edit.href}>
            {props.edit.label}
          </a>
        )}
      </div>
      <Notice text={props.notice} />
    </>
  );
}

/** One big figure of a Stats row: its value, already formatted; a link when `href`. */
export type Stat = { value: Child; label: Child; href?: string };

/** Big figures in a row (a dashboard's counts, a campaign's totals). */
export function Stats(props: { items: readonly Stat[] }) {
  return (
    <div class="stats">
      {props.items.map((s) => {
        const inner = (
          <>
            <div class="n">{s.value}</div>
            <div class="l">{s.label}</div>
          </>
        );
        return s.href ? (
          <a class="stat" href={s.href}>
            {inner}
          </a>
        ) : (
          <div class="stat">{inner}</div>
        );
      })}
    </div>
  );
}

export type ListPageProps = ViewProps &
  PropsWithChildren<{
    title: string;
    section?: Section;
    notice?: string | undefined;
    /** The one "add" action, when the user may add (hidden on an empty list: the empty state has it). */
    add?: { href: string; label: string } | null;
    /** The search form: its action, the typed text, labels, and any filter controls. */
    search: {
      action: string;
      q: string;
      label: string;
      placeholder: string;
      filters?: Child;
    };
    /** True when the search or a filter narrows the list. */
    filtering: boolean;
    total: number;
    page: number;
    pages: number;
    pageLink: (page: number) => string;
    /** "12 people": the count line above the results. */
    count: string;
    /** When nothing exists yet: what it is and what to do first. */
    empty: { title: string; body: Child };
    /** When the search finds nothing: say so and offer to clear it. */
    noResults: { title: string; body: Child; clearLabel: string; clearHref?: string };
    /** Shown between the notice and the search (e.g. invitations waiting for an answer). */
    lead?: Child;
    /** Shown below the results (e.g. charts and settings of the whole list). */
    after?: Child;
    /** The way back, above the title (a directory opened from another section). */
    back?: BackLink;
  }>;

/**
 * A searchable list page. The results sit in #results, so htmx swaps just them while the
 * person types; without JavaScript the form submits as a plain GET.
 */
export function ListPage(props: ListPageProps) {
  const emptyList = !props.filtering && props.total === 0;
  return (
    <Page {...props} title={props.title} section={props.section}>
      <Back link={props.back} />
      <PageHead title={props.title} action={emptyList ? null : props.add} />
      <Notice text={props.notice} />
      {props.lead}
      <SearchBar lang={props.lang} {...props.search} />
      <div id="results" class="results">
        {props.total === 0 ? (
          <ListEmpty
            filtering={props.filtering}
            empty={{ ...props.empty, action: props.add }}
            noResults={{
              ...props.noResults,
              clearHref: props.noResults.clearHref ?? props.search.action,
            }}
          />
        ) : (
          <>
            <p class="count" role="status">
              {props.count}
            </p>
            {props.children}
            <Pager lang={props.lang} page={props.page} pages={props.pages} link={props.pageLink} />
          </>
        )}
      </div>
      {props.after}
    </Page>
  );
}

/** Search text and filters; typing or changing a filter refreshes #results through htmx. */
export function SearchBar({ filters, lang, ...search }: ListPageProps["search"] & { lang: Lang }) {
  return <SearchForm {...search} fields={filters} button={common[lang].search} live />;
}

/**
 * A search form (GET, `q`): the text, any other fields (filters, hidden ones), a button.
 * `live` refreshes #results through htmx while the person types; without JavaScript, or
 * when not live, the form submits as a plain GET.
 */
export function SearchForm(props: {
  action: string;
  q: string;
  label: string;
  button: Child;
  placeholder?: string | undefined;
  fields?: Child;
  class?: string;
  live?: boolean;
}) {
  const live = props.live
    ? {
        "hx-get": props.action,
        "hx-trigger": "input changed delay:300ms from:#f-q, change",
        "hx-target": "#results",
        "hx-select": "#results",
        "hx-swap": "outerHTML",
        "hx-push-url": "true",
      }
    : {};
  return (
    <search>
      <form
        method="get"
        action={props.action}
        class={props.class ? `searchbar ${props.class}` : "searchbar"}
        {...live}
      >
        <div class="field">
          <label for="f-q">{props.label}</label>
          <input
            id="f-q"
            name="q"
            type="search"
            value={props.q}
            placeholder={props.placeholder}
            maxlength={200}
            autocomplete="off"
          />
        </div>
        {props.fields}
        <button type="submit" class="secondary">
          {props.button}
        </button>
      </form>
    </search>
  );
}

/** A filter select of a search bar: "any" first, then the choices. */
export function FilterSelect(props: {
  name: string;
  label: string;
  anyLabel: string;
  value: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The query string of a list's page `page`, keeping its search and filters. */
export function listLink(
  base: string,
  filters: Record<string, string | undefined>,
): (page: number) => string {
  return (page) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    params.set("page", String(page));
    return `${base}?${params}`;
  };
}

/**
 * A ListPage's paging props for one page of a result `perPage` rows long: the total, this
 * page, how many pages, and the link to each page keeping the search and filters.
 */
export function paged(
  result: { total: number; page: number; perPage: number },
  base: string,
  filters: Record<string, string | undefined>,
) {
  return {
    total: result.total,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / result.perPage)),
    pageLink: listLink(base, filters),
  };
}

/** A ListPage's paging props for a list shown whole, on one page. */
export function onePage(total: number, base: string) {
  const pageLink: (page: number) => string = () => base;
  return { total, page: 1, pages: 1, pageLink };
}

/**
 * A ListPage's search form from a module's list messages: the label and, when the module
 * has one, the placeholder; `filters` beside the text.
 */
export function listSearch(
  t: { search_label: string; search_placeholder?: string },
  action: string,
  q: string,
  filters?: Child,
): ListPageProps["search"] {
  return { action, q, label: t.search_label, placeholder: t.search_placeholder ?? "", filters };
}

/** A list's messages under the keys every module gives them. */
type ListTexts = {
  empty_title: string;
  empty_body: string;
  no_results: string;
  no_results_hint?: string;
  clear_search: string;
};

/**
 * A ListPage's two empty states from a module's list messages: nothing yet, and a search
 * that finds nothing (cleared to `clearHref`, else to the bare list).
 */
export function listStates(t: ListTexts, clearHref?: string) {
  return {
    empty: { title: t.empty_title, body: t.empty_body },
    noResults: {
      title: t.no_results,
      body: t.no_results_hint ?? "",
      clearLabel: t.clear_search,
      ...(clearHref ? { clearHref } : {}),
    },
  };
}

/** A page holding one form: title, the error summary, the fields, save or cancel. */
export function FormPage(
  props: ViewProps &
    PropsWithChildren<{
      title: string;
      section?: Section;
      form: FormState;
      action: string;
      submitLabel: Child;
      cancelHref: string;
      /** Shown under the title, before the form. */
      intro?: Child;
      /** The way back (the case, the campaign), above the title. */
      back?: BackLink;
      enctype?: "multipart/form-data";
    }>,
) {
  return (
    <Page {...props} title={props.title} section={props.section}>
      <div class="narrow">
        <Back link={props.back} />
        <h1>{props.title}</h1>
        {props.intro}
        <FormAlert form={props.form} lang={props.lang} />
        <Form
          action={props.action}
          csrf={props.csrf}
          form={props.form}
          lang={props.lang}
          enctype={props.enctype}
        >
          {props.children}
          <SubmitOrCancel
            lang={props.lang}
            label={props.submitLabel}
            cancelHref={props.cancelHref}
          />
        </Form>
      </div>
    </Page>
  );
}

/** "Are you sure?" once, before a destructive or money-moving step. */
export function ConfirmPage(
  props: ViewProps &
    PropsWithChildren<{
      title: string;
      section?: Section;
      body: Child;
      action: string;
      confirmLabel: Child;
      cancelHref: string;
      /** The way back, when "Cancel" would be ambiguous (cancelling an action). */
      cancelLabel?: Child;
      /** "danger" for what can't be undone (delete); "primary" for a confirmed step (pay). */
      tone?: "danger" | "primary";
    }>,
) {
  const tone = props.tone ?? "danger";
  return (
    <Page {...props} title={props.title} section={props.section}>
      <div class="narrow">
        <div class={tone === "danger" ? "panel danger-zone" : "panel"}>
          <h1>{props.title}</h1>
          <p>{props.body}</p>
          <form method="post" action={props.action}>
            <Csrf token={props.csrf} />
            {props.children}
            <div class="form-actions">
              <button type="submit" class={tone}>
                {props.confirmLabel}
              </button>
              <a href={props.cancelHref}>{props.cancelLabel ?? common[props.lang].cancel}</a>
            </div>
          </form>
        </div>
      </div>
    </Page>
  );
}
