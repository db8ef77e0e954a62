import { common } from "../../platform/common.messages";
import { formatNumber } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { listLink } from "../../platform/ui/blocks";
import { Page, Pager, Panel } from "../../platform/ui/layout";
import { CASE_STATUSES } from "./case";
import type { CaseFilter, CaseListItem, CasePage, HearingItem } from "./case-dashboard";
import { CaseList, HearingList, type View } from "./case-ui";
import { casesText } from "./defense.messages";
import { facilitiesText } from "./facilities.messages";

type Props = View & {
  q: string;
  filter: CaseFilter;
  cases: CasePage;
  hearings: HearingItem[];
  stale: CaseListItem[];
  counts: { active: number; hearings: number; stale: number };
  notice?: string;
};

export function CasesDashboardPage(props: Props) {
  const t = casesText[props.lang];
  const { lang, auth } = props;
  const tz = auth.org.timeZone;
  const filtering = props.q !== "" || props.filter !== "active";
  const found = props.cases;
  const stats = [
    [props.counts.active, t.stat_active, "#results"],
    [props.counts.hearings, t.stat_hearings, "#hearings"],
    [props.counts.stale, t.stat_stale, "#stale"],
  ] as const;
  return (
    <Page {...props} title={t.title} section="cases">
      <div class="page-head">
        <h1>{t.title}</h1>
        {can(auth.role, "cases.write") && (
          <a class="button" href="/cases/new">
            {t.open_case}
          </a>
        )}
      </div>
      <p class="lede">{t.lede}</p>
      {props.notice && (
        <div class="alert alert-ok" role="status">
          {props.notice}
        </div>
      )}
      <div class="stats">
        {stats.map(([n, label, href]) => (
          <a class="stat" href={href}>
            <div class="n">{formatNumber(n, lang)}</div>
            <div class="l">{label}</div>
          </a>
        ))}
      </div>
      <section id="hearings">
        <Panel title={t.hearings_title}>
          {props.hearings.length ? (
            <HearingList items={props.hearings} lang={lang} timeZone={tz} />
          ) : (
            <p class="muted">{t.hearings_none}</p>
          )}
        </Panel>
      </section>
      {props.stale.length > 0 && (
        <section id="stale">
          <Panel title={t.stale_title}>
            <p class="hint">{t.stale_hint}</p>
            <CaseList items={props.stale} lang={lang} timeZone={tz} />
          </Panel>
        </section>
      )}
      <search>
        <form method="get" action="/cases" class="searchbar">
          <div class="field">
            <label for="f-q">{t.search_label}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              value={props.q}
              placeholder={t.search_placeholder}
              maxlength={200}
              autocomplete="off"
            />
          </div>
          <div class="field">
            <label for="f-status">{t.filter_label}</label>
            <select id="f-status" name="status">
              <option value="active" selected={props.filter === "active"}>
                {t.filter_active}
              </option>
              {CASE_STATUSES.map((s) => (
                <option value={s} selected={props.filter === s}>
                  {t[`status_${s}`]}
                </option>
              ))}
              <option value="all" selected={props.filter === "all"}>
                {t.filter_all}
              </option>
            </select>
          </div>
          <button type="submit" class="secondary">
            {common[lang].search}
          </button>
        </form>
      </search>
      <div id="results" class="results">
        {found.total === 0 ? (
          <div class="empty">
            {filtering ? (
              <>
                <h2>{t.no_results}</h2>
                <p>{t.no_results_hint}</p>
                <a class="button secondary" href="/cases">
                  {t.clear_search}
                </a>
              </>
            ) : (
              <>
                <h2>{t.empty_title}</h2>
                <p>{t.empty_body}</p>
                {can(auth.role, "cases.write") && (
                  <a class="button" href="/cases/new">
                    {t.open_case}
                  </a>
                )}
              </>
            )}
          </div>
        ) : (
          <>
            <p class="count" role="status">
              {found.total === 1 ? t.found_one : t.found(formatNumber(found.total, lang))}
            </p>
            <CaseList items={found.items} lang={lang} timeZone={tz} />
            <Pager
              lang={lang}
              page={found.page}
              pages={Math.ceil(found.total / found.perPage)}
              link={listLink("/cases", {
                q: props.q,
                status: props.filter === "active" ? undefined : props.filter,
              })}
            />
          </>
        )}
      </div>
      <p>
        <a href="/facilities">{facilitiesText[lang].title} →</a>
      </p>
    </Page>
  );
}
