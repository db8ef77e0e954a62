import { pick } from "../../platform/bilingual";
import { common } from "../../platform/common.messages";
import { formatDate, formatDay } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { PageHead } from "../../platform/ui/blocks";
import { Page, Panel } from "../../platform/ui/layout";
import { SearchForm } from "../../platform/ui/list-page";
import { ItemList, ListEmpty } from "../../platform/ui/lists";
import type { Drive } from "./drive-record";
import { suppliesText } from "./supplies.messages";
import type { LowStockLine } from "./supplies-today";
import { DriveBadges, Notice, type View } from "./supplies-ui";
import { amountText, itemLabel } from "./units";

type Props = View & {
  drives: Drive[];
  q: string;
  dueToday: number;
  lowStock: LowStockLine[];
  notice?: string | undefined;
};

export function SuppliesListPage(props: Props) {
  const t = suppliesText[props.lang];
  const writer = can(props.auth.role, "supplies.manage");
  const zone = props.auth.org.timeZone;
  return (
    <Page {...props} title={t.title} section="supplies">
      <PageHead title={t.title} action={writer ? { href: "/supplies/new", label: t.add } : null} />
      <p class="lede">{t.lede}</p>
      <Notice text={props.notice} />
      {can(props.auth.role, "supplies.deposit") && (
        <p>
          <a href="/supplies/deposits">{t.deposits_link}</a>
        </p>
      )}
      <div class="supply-today">
        <Panel title={t.due_today_title}>
          <p>
            {props.dueToday === 0 ? (
              t.due_today_none
            ) : (
              <a href="/supplies/pledges">
                {t.due_today_link} ({props.dueToday})
              </a>
            )}
          </p>
        </Panel>
        <Panel title={t.low_stock_title}>
          {props.lowStock.length === 0 ? (
            <p>{t.low_stock_none}</p>
          ) : (
            <ul class="supply-low">
              {props.lowStock.slice(0, 8).map((l) => (
                <li>
                  <a href={`/supplies/${l.driveId}`}>
                    {t.low_stock_line(
                      itemLabel(l.item, l.variant, props.lang),
                      l.pointName,
                      amountText(l.onHand, l.unit, props.lang),
                    )}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
      <SearchForm
        action="/supplies"
        q={props.q}
        label={t.search_label}
        button={common[props.lang].search}
      />
      {props.drives.length === 0 ? (
        <ListEmpty
          filtering={props.q !== ""}
          empty={{
            title: t.empty_title,
            body: t.empty_body,
            action: writer && { href: "/supplies/new", label: t.add },
          }}
          noResults={{ title: t.no_results, clearLabel: t.clear_search, clearHref: "/supplies" }}
        />
      ) : (
        <ItemList
          items={props.drives}
          item={(d) => (
            <>
              <a class="title" href={`/supplies/${d.id}`}>
                {pick(d.title, props.lang).text}
              </a>
              <DriveBadges drive={d} lang={props.lang} />
              {d.endsOn && <span class="meta">{formatDay(d.endsOn, props.lang)}</span>}
              {!d.endsOn && <span class="meta">{formatDate(d.createdAt, props.lang, zone)}</span>}
            </>
          )}
        />
      )}
    </Page>
  );
}
