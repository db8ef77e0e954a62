import { formatDate, formatNumber } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { monthName } from "../../platform/time";
import { Panel } from "../../platform/ui/layout";
import { ListPage, listSearch, listStates, paged } from "../../platform/ui/list-page";
import { ItemList, Meta } from "../../platform/ui/lists";
import { outreachText } from "./outreach.messages";
import { TotalsStats, type View } from "./outreach-ui";
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
    <ListPage
      {...props}
      title={t.title}
      section="outreach"
      add={writer ? { href: "/outreach/new", label: t.add } : null}
      lead={<p class="lede">{t.lede}</p>}
      search={listSearch(t, "/outreach", props.q)}
      filtering={props.q !== ""}
      {...paged(props, "/outreach", { q: props.q })}
      count={t.shifts_count(props.total)}
      {...listStates(t)}
      after={
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
      }
    >
      <ItemList
        items={props.items}
        class="outreach-list"
        item={(s) => (
          <>
            <a class="title" href={`/outreach/${s.id}`}>
              {s.area}
            </a>
            <span class="badge">{t[`kind_${s.kind}`]}</span>
            <Meta
              items={[
                formatDate(s.startsAt, lang, s.timeZone || tz),
                t.flyers_n(n(s.flyers)),
                t.conversations_n(n(s.conversations)),
                t.sign_ups_n(n(s.signUpCount)),
                s.eventId && props.eventTitles.get(s.eventId)
                  ? t.for_action(props.eventTitles.get(s.eventId) ?? "")
                  : "",
              ]}
            />
          </>
        )}
      />
    </ListPage>
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
    <ItemList
      items={props.rows}
      item={(r) => (
        <>
          {r.href ? (
            <a class="title" href={r.href}>
              {r.label}
            </a>
          ) : (
            <span class="title">{r.label}</span>
          )}
          <span class="meta">
            {[
              t.shifts_count(r.totals.shifts),
              t.flyers_n(n(r.totals.flyers)),
              t.conversations_n(n(r.totals.conversations)),
              t.receptive_share(n(receptivePercent(r.totals))),
              t.sign_ups_n(n(r.totals.signUps)),
            ].join(" · ")}
          </span>
        </>
      )}
    />
  );
}
