import { formatNumber } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Stats } from "../../platform/ui/blocks";
import { optionsOf } from "../../platform/ui/forms";
import { Panel } from "../../platform/ui/layout";
import { FilterSelect, ListPage, listSearch, listStates, paged } from "../../platform/ui/list-page";
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
  const mayOpen = can(auth.role, "cases.write");
  return (
    <ListPage
      {...props}
      title={t.title}
      section="cases"
      add={mayOpen ? { href: "/cases/new", label: t.open_case } : null}
      lead={
        <>
          <p class="lede">{t.lede}</p>
          <Stats
            items={stats.map(([n, label, href]) => ({ value: formatNumber(n, lang), label, href }))}
          />
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
              <Panel title={t.stale_title} hint={t.stale_hint}>
                <CaseList items={props.stale} lang={lang} timeZone={tz} />
              </Panel>
            </section>
          )}
        </>
      }
      search={listSearch(
        t,
        "/cases",
        props.q,
        <FilterSelect
          name="status"
          label={t.filter_label}
          anyLabel={t.filter_active}
          value={props.filter === "active" ? "" : props.filter}
          options={[
            ...optionsOf(CASE_STATUSES, (s) => t[`status_${s}`]),
            { value: "all", label: t.filter_all },
          ]}
        />,
      )}
      filtering={filtering}
      {...paged(found, "/cases", {
        q: props.q,
        status: props.filter === "active" ? undefined : props.filter,
      })}
      count={t.found(found.total)}
      {...listStates(t)}
      after={
        <p>
          <a href="/facilities">{facilitiesText[lang].title} →</a>
        </p>
      }
    >
      <CaseList items={found.items} lang={lang} timeZone={tz} />
    </ListPage>
  );
}
