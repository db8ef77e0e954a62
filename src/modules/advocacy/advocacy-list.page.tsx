import { common } from "../../platform/common.messages";
import { can } from "../../platform/permissions";
import { InLang, listLink } from "../../platform/ui/blocks";
import { Page, Pager } from "../../platform/ui/layout";
import { advocacyText } from "./advocacy.messages";
import { Badges, countText, Notice, type View } from "./advocacy-ui";
import type { CallCampaignPage } from "./call-campaign-record";

type Props = View & {
  found: CallCampaignPage;
  q: string;
  forCase: { id: string; name: string } | null;
  notice?: string | undefined;
};

export function AdvocacyListPage(props: Props) {
  const t = advocacyText[props.lang];
  const found = props.found;
  const writer = can(props.auth.role, "advocacy.write");
  const newHref = props.forCase ? `/advocacy/new?case=${props.forCase.id}` : "/advocacy/new";
  return (
    <Page {...props} title={t.title} section="advocacy">
      <div class="page-head">
        <h1>{t.title}</h1>
        {writer && (
          <a class="button" href={newHref}>
            {t.add}
          </a>
        )}
      </div>
      <p class="lede">{t.lede}</p>
      <Notice text={props.notice} />
      {props.forCase && (
        <p class="alert alert-info">
          {t.for_case(props.forCase.name)} · <a href="/advocacy">{t.see_all}</a>
        </p>
      )}
      <search>
        <form method="get" action="/advocacy" class="searchbar">
          {props.forCase && <input type="hidden" name="case" value={props.forCase.id} />}
          <div class="field">
            <label for="f-q">{t.search_label}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              value={props.q}
              maxlength={200}
              autocomplete="off"
            />
          </div>
          <button type="submit" class="secondary">
            {common[props.lang].search}
          </button>
        </form>
      </search>
      {found.total === 0 ? (
        <div class="empty">
          {props.q ? (
            <>
              <h2>{t.no_results}</h2>
              <a class="button secondary" href="/advocacy">
                {t.clear_search}
              </a>
            </>
          ) : (
            <>
              <h2>{t.empty_title}</h2>
              <p>{t.empty_body}</p>
              {writer && (
                <a class="button" href={newHref}>
                  {t.add}
                </a>
              )}
            </>
          )}
        </div>
      ) : (
        <>
          <p class="count" role="status">
            {countText(found.total, props.lang, t.found_one, t.found_many)}
          </p>
          <ul class="list">
            {found.items.map((item) => (
              <li class="list-item">
                <a class="title" href={`/advocacy/${item.id}`}>
                  <InLang text={item.title} lang={props.lang} />
                </a>
                <Badges campaign={item} lang={props.lang} />
                <span class="meta">
                  {[
                    t.case_of(item.personDisplayName),
                    countText(item.targets, props.lang, t.targets_one, t.targets_many),
                    countText(item.calls, props.lang, t.counted_one, t.counted_many),
                  ].join(" · ")}
                </span>
              </li>
            ))}
          </ul>
          <Pager
            lang={props.lang}
            page={found.page}
            pages={Math.ceil(found.total / found.perPage)}
            link={listLink("/advocacy", { q: props.q, case: props.forCase?.id })}
          />
        </>
      )}
    </Page>
  );
}
