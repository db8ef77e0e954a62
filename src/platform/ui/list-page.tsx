import type { Child, PropsWithChildren } from "hono/jsx";
import { common } from "../common.messages";
import type { Lang } from "../i18n";
import { Back, type BackLink, Notice, PageHead } from "./blocks";
import { Page, type PageProps, Pager } from "./layout";
import { ListEmpty } from "./lists";
import type { ViewProps } from "./view";

// A list page: search, filters, count, the empty states and the pager, and the helpers
// that build its props (listSearch, listStates, paged).

type Section = PageProps["section"];

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
function SearchBar({ filters, lang, ...search }: ListPageProps["search"] & { lang: Lang }) {
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
function listLink(
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
