import { common } from "../../platform/common.messages";
import type { SignedIn } from "../../platform/http";
import { formatNumber, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Page, Pager } from "../../platform/ui/layout";
import { peopleText } from "./people.messages";
import { ENGAGEMENT_LEVELS } from "./people.schema";
import type { PeoplePage } from "./search-people";

type Props = {
  lang: Lang;
  csrf: string;
  path: string;
  auth: SignedIn;
  result: PeoplePage;
  tags: string[];
  filters: { q: string; tag: string; level: string };
  notice?: string;
};

export function PeopleListPage(props: Props) {
  const t = peopleText[props.lang];
  const { filters } = props;
  const filtering = !!(filters.q || filters.tag || filters.level);
  // An empty list has its own "add" button in the empty state; one is enough.
  const emptyList = !filtering && props.result.total === 0;
  return (
    <Page
      title={t.title}
      lang={props.lang}
      csrf={props.csrf}
      path={props.path}
      auth={props.auth}
      section="people"
    >
      <div class="page-head">
        <h1>{t.title}</h1>
        {can(props.auth.role, "people.write") && !emptyList && (
          <a class="button" href="/people/new">
            {t.add}
          </a>
        )}
      </div>
      {props.notice && (
        <div class="alert alert-ok" role="status">
          {props.notice}
        </div>
      )}
      <search>
        <form
          method="get"
          action="/people"
          class="searchbar"
          hx-get="/people"
          hx-trigger="input changed delay:300ms from:#f-q, change"
          hx-target="#results"
          hx-select="#results"
          hx-swap="outerHTML"
          hx-push-url="true"
        >
          <div class="field">
            <label for="f-q">{t.search_label}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              value={filters.q}
              placeholder={t.search_placeholder}
              maxlength={200}
              autocomplete="off"
            />
          </div>
          <div class="field">
            <label for="f-tag">{t.tag_filter}</label>
            <select id="f-tag" name="tag">
              <option value="">{t.any}</option>
              {props.tags.map((tag) => (
                <option value={tag} selected={tag === filters.tag}>
                  {tag}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-level">{t.level_filter}</label>
            <select id="f-level" name="level">
              <option value="">{t.any}</option>
              {ENGAGEMENT_LEVELS.map((level) => (
                <option value={level} selected={level === filters.level}>
                  {t[`level_${level}`]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {common[props.lang].search}
          </button>
        </form>
      </search>
      <Results {...props} filtering={filtering} />
    </Page>
  );
}

function Results(props: Props & { filtering: boolean }) {
  const t = peopleText[props.lang];
  const { result } = props;
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  if (result.total === 0) {
    return (
      <div id="results" class="results">
        <div class="empty">
          {props.filtering ? (
            <>
              <h2>{t.no_results}</h2>
              <p>{t.no_results_hint}</p>
              <a class="button secondary" href="/people">
                {t.clear_search}
              </a>
            </>
          ) : (
            <>
              <h2>{t.empty_title}</h2>
              <p>{t.empty_body}</p>
              {can(props.auth.role, "people.write") && (
                <a class="button" href="/people/new">
                  {t.add}
                </a>
              )}
            </>
          )}
        </div>
      </div>
    );
  }
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (props.filters.q) params.set("q", props.filters.q);
    if (props.filters.tag) params.set("tag", props.filters.tag);
    if (props.filters.level) params.set("level", props.filters.level);
    params.set("page", String(page));
    return `/people?${params}`;
  };
  return (
    <div id="results" class="results">
      <p class="count" role="status">
        {result.total === 1 ? t.found_one : t.found(formatNumber(result.total, props.lang))}
      </p>
      <ul class="list">
        {result.people.map((p) => {
          const email = p.emails[0]?.address;
          const phone = p.phones[0]?.number;
          const fullName = [p.givenName, p.familyName].filter(Boolean).join(" ");
          return (
            <li class="list-item">
              <a class="title" href={`/people/${p.id}`}>
                {p.displayName}
              </a>
              <span class={`badge level-${p.engagementLevel}`}>
                {t[`level_${p.engagementLevel}`]}
              </span>
              <span class="meta">
                {[fullName !== p.displayName ? fullName : "", email, phone]
                  .filter(Boolean)
                  .join(" · ")}
                {p.tags.length > 0 && (
                  <span>
                    {" "}
                    {p.tags.map((tag) => (
                      <span class="tag">{tag}</span>
                    ))}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <Pager lang={props.lang} page={result.page} pages={pages} link={pageLink} />
    </div>
  );
}
