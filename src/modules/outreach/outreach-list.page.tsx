import { common } from "../../platform/common.messages";
import { formatDate, formatNumber } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { monthName } from "../../platform/time";
import { Page, Pager, Panel } from "../../platform/ui/layout";
import { outreachText } from "./outreach.messages";
import { Notice, TotalsStats, type View } from "./outreach-ui";
import { receptivePercent, type Totals } from "./shift";
import type { ShiftListItem } from "./shift-record";

type Props = View & {
  items: ShiftListItem[];
  total: number;
  page: number;
  perPage: number;
  q: string;
  all: Totals;
  byMonth: { month: string; totals: Totals }[];
  byAction: { eventId: string; title: string; totals: Totals }[];
  eventTitles: Map<string, string>;
  notice?: string | undefined;
};

export function OutreachListPage(props: Props) {
  const t = outreachText[props.lang];
  const { lang } = props;
  const n = (x: number) => formatNumber(x, lang);
  const writer = can(props.auth.role, "outreach.write");
  const tz = props.auth.org.timeZone;
  return (
    <Page {...props} title={t.title} section="outreach">
      <div class="page-head">
        <h1>{t.title}</h1>
        {writer && (
          <a class="button" href="/outreach/new">
            {t.add}
          </a>
        )}
      </div>
      <p class="lede">{t.lede}</p>
      <Notice text={props.notice} />
      <search>
        <form method="get" action="/outreach" class="searchbar">
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
            {common[lang].search}
          </button>
        </form>
      </search>
      {props.items.length === 0 ? (
        <div class="empty">
          {props.q ? (
            <>
              <h2>{t.no_results}</h2>
              <a class="button secondary" href="/outreach">
                {t.clear_search}
              </a>
            </>
          ) : (
            <>
              <h2>{t.empty_title}</h2>
              <p>{t.empty_body}</p>
              {writer && (
                <a class="button" href="/outreach/new">
                  {t.add}
                </a>
              )}
            </>
          )}
        </div>
      ) : (
        <>
          <ul class="list">
            {props.items.map((s) => (
              <li class="list-item">
                <a class="title" href={`/outreach/${s.id}`}>
                  {s.area}
                </a>
                <span class="badge">{t[`kind_${s.kind}`]}</span>
                <span class="meta">
                  {[
                    formatDate(s.startsAt, lang, s.timeZone || tz),
                    t.flyers_n(n(s.flyers)),
                    t.conversations_n(n(s.conversations)),
                    t.sign_ups_n(n(s.signUpCount)),
                    s.eventId && props.eventTitles.get(s.eventId)
                      ? t.for_action(props.eventTitles.get(s.eventId) ?? "")
                      : "",
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
          <Pager
            lang={lang}
            page={props.page}
            pages={Math.ceil(props.total / props.perPage)}
            link={(p) =>
              `/outreach?${new URLSearchParams({ ...(props.q ? { q: props.q } : {}), page: String(p) })}`
            }
          />
        </>
      )}
      <Panel title={t.totals_title}>
        {props.all.shifts === 0 ? (
          <p class="muted">{t.totals_none}</p>
        ) : (
          <>
            <h3>{t.totals_all}</h3>
            <TotalsStats totals={props.all} lang={lang} />
            <h3>{t.totals_by_month}</h3>
            <TotalsList
              rows={props.byMonth.map((m) => ({
                key: m.month,
                label: monthLabel(m.month, lang),
                totals: m.totals,
              }))}
              lang={lang}
            />
            {props.byAction.length > 0 && (
              <>
                <h3>{t.totals_by_action}</h3>
                <TotalsList
                  rows={props.byAction.map((a) => ({
                    key: a.eventId,
                    label: a.title,
                    href: `/actions/${a.eventId}`,
                    totals: a.totals,
                  }))}
                  lang={lang}
                />
              </>
            )}
          </>
        )}
      </Panel>
    </Page>
  );
}

/** "2026-11" -> "noviembre de 2026" / "November 2026". */
export function monthLabel(month: string, lang: "es" | "en"): string {
  return monthName(month, lang, "long");
}

function TotalsList(props: {
  rows: { key: string; label: string; href?: string; totals: Totals }[];
  lang: "es" | "en";
}) {
  const t = outreachText[props.lang];
  const n = (x: number) => formatNumber(x, props.lang);
  return (
    <ul class="list">
      {props.rows.map((r) => (
        <li class="list-item">
          {r.href ? (
            <a class="title" href={r.href}>
              {r.label}
            </a>
          ) : (
            <span class="title">{r.label}</span>
          )}
          <span class="meta">
            {[
              r.totals.shifts === 1 ? t.shifts_one : t.shifts_n(n(r.totals.shifts)),
              t.flyers_n(n(r.totals.flyers)),
              t.conversations_n(n(r.totals.conversations)),
              t.receptive_share(n(receptivePercent(r.totals))),
              t.sign_ups_n(n(r.totals.signUps)),
            ].join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
