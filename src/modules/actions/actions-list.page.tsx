import { common } from "../../platform/common.messages";
import type { SignedIn } from "../../platform/http";
import { formatNumber, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Page, Pager } from "../../platform/ui/layout";
import { actionsText } from "./actions.messages";
import { Notice, Title, whenText } from "./actions-ui";
import type { CohostInvitation } from "./cohost-invitations";
import { CohostInvitations } from "./cohost-invitations-ui";
import type { EventList, EventWhen } from "./list-events";

type Props = {
  lang: Lang;
  csrf: string;
  path: string;
  auth: SignedIn;
  result: EventList;
  filters: { q: string; when: EventWhen };
  notice?: string;
  invitations?: readonly CohostInvitation[];
};

export function ActionsListPage(props: Props) {
  const t = actionsText[props.lang];
  const filtering = !!props.filters.q || props.filters.when !== "upcoming";
  const emptyList = !filtering && props.result.total === 0;
  return (
    <Page
      title={t.title}
      lang={props.lang}
      csrf={props.csrf}
      path={props.path}
      auth={props.auth}
      section="actions"
    >
      <div class="page-head">
        <h1>{t.title}</h1>
        {can(props.auth.role, "actions.manage") && !emptyList && (
          <a class="button" href="/actions/new">
            {t.add}
          </a>
        )}
      </div>
      <Notice text={props.notice} />
      <CohostInvitations
        invitations={props.invitations ?? []}
        lang={props.lang}
        csrf={props.csrf}
      />
      <search>
        <form
          method="get"
          action="/actions"
          class="searchbar"
          hx-get="/actions"
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
              value={props.filters.q}
              placeholder={t.search_placeholder}
              maxlength={200}
              autocomplete="off"
            />
          </div>
          <div class="field">
            <label for="f-when">{t.when_label}</label>
            <select id="f-when" name="when">
              {(["upcoming", "past", "all"] as const).map((w) => (
                <option value={w} selected={w === props.filters.when}>
                  {t[`when_${w}`]}
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
  const t = actionsText[props.lang];
  const { result } = props;
  if (result.total === 0) {
    return (
      <div id="results" class="results">
        <div class="empty">
          {props.filtering ? (
            <>
              <h2>{t.no_results}</h2>
              <p>{t.no_results_hint}</p>
              <a class="button secondary" href="/actions?when=all">
                {t.clear_search}
              </a>
            </>
          ) : (
            <>
              <h2>{t.empty_title}</h2>
              <p>{t.empty_body}</p>
              {can(props.auth.role, "actions.manage") && (
                <a class="button" href="/actions/new">
                  {t.add}
                </a>
              )}
            </>
          )}
        </div>
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  const pageLink = (page: number) => {
    const params = new URLSearchParams({ when: props.filters.when, page: String(page) });
    if (props.filters.q) params.set("q", props.filters.q);
    return `/actions?${params}`;
  };
  return (
    <div id="results" class="results">
      <p class="count" role="status">
        {result.total === 1 ? t.found_one : t.found(formatNumber(result.total, props.lang))}
      </p>
      <ul class="list">
        {result.items.map((e) => (
          <li class="list-item">
            <a class="title" href={`/actions/${e.id}`}>
              <Title text={e.title} lang={props.lang} />
            </a>
            {e.status === "done" || e.status === "cancelled" ? (
              <span class="badge muted-badge">{t[`status_${e.status}`]}</span>
            ) : e.missing === 0 ? (
              <span class="badge ready-badge">{t.ready_badge}</span>
            ) : (
              <span class="badge missing-badge">{t.missing_badge(e.missing)}</span>
            )}
            <span class="meta">
              {[
                t[`kind_${e.kind}`],
                whenText(e, props.lang),
                e.placeName ?? "",
                e.isHost ? "" : t.cohosted_badge,
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </li>
        ))}
      </ul>
      <Pager lang={props.lang} page={result.page} pages={pages} link={pageLink} />
    </div>
  );
}
