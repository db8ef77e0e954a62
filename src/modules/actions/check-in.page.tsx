import type { Lang } from "../../platform/i18n";
import { Notice } from "../../platform/ui/blocks";
import { Csrf } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { SearchForm } from "../../platform/ui/list-page";
import { Empty, ItemList } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import { actionsText } from "./actions.messages";
import { Title, timeOnly, titleText } from "./actions-ui";
import type { CheckInRow } from "./check-in-list";
import type { ActionEvent } from "./event-record";
import type { TurnoutHour } from "./turnout";

type Props = ViewProps & {
  event: ActionEvent;
  q: string;
  rows: CheckInRow[];
  turnout: TurnoutHour[];
  arrived: number;
  canCheckIn: boolean;
  notice?: string;
};

/** Phone first: one search box, big "here" buttons, works without JavaScript. */
export function CheckInPage(props: Props) {
  const t = actionsText[props.lang];
  const e = props.event;
  const base = `/actions/${e.id}/check-in`;
  return (
    <Page
      {...props}
      title={`${t.checkin_title} · ${titleText(e.title, props.lang)}`}
      section="actions"
    >
      <p class="crumb">
        <a href={`/actions/${e.id}`}>
          <Title text={e.title} lang={props.lang} />
        </a>
      </p>
      <h1>{t.checkin_title}</h1>
      <p class="lede" role="status">
        {t.arrived(props.arrived)}
      </p>
      <Notice text={props.notice} />
      <SearchForm
        action={base}
        class="checkin-search"
        q={props.q}
        label={t.checkin_search}
        button={t.checkin_search.split(" ")[0]}
      />
      {props.rows.length === 0 ? (
        <Empty body={props.q ? t.checkin_empty : t.checkin_none} />
      ) : (
        <ItemList
          items={props.rows}
          class="checkin-list"
          item={(r) => (
            <>
              <span class="title">{r.displayName}</span>
              {r.checkedInAt ? (
                <span class="badge ready-badge">
                  {t.checked_in} {timeOnly(r.checkedInAt, props.lang, e.timeZone)}
                </span>
              ) : (
                props.canCheckIn && (
                  <form method="post" action={base} class="inline">
                    <Csrf token={props.csrf} />
                    <input type="hidden" name="person_id" value={r.personId} />
                    <input type="hidden" name="q" value={props.q} />
                    <button
                      type="submit"
                      class="primary checkin-button"
                      aria-label={`${t.checkin_button}: ${r.displayName}`}
                    >
                      {t.checkin_button}
                    </button>
                  </form>
                )
              )}
              {r.status && !r.checkedInAt && <span class="meta">{t[`att_${r.status}`]}</span>}
            </>
          )}
        />
      )}
      {props.turnout.length > 0 && <TurnoutChart turnout={props.turnout} lang={props.lang} />}
    </Page>
  );
}

function TurnoutChart(props: { turnout: TurnoutHour[]; lang: Lang }) {
  const t = actionsText[props.lang];
  const max = Math.max(...props.turnout.map((h) => h.count), 1);
  return (
    <section class="panel" aria-labelledby="turnout-h">
      <h2 class="panel-title" id="turnout-h">
        {t.turnout_title}
      </h2>
      <table class="turnout">
        <tbody>
          {props.turnout.map((h) => (
            <tr>
              <th scope="row">{h.hour.slice(11)}:00</th>
              <td>
                <svg
                  class="turnout-bar"
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  aria-hidden="true"
                >
                  <rect
                    x="0"
                    y="0"
                    height="10"
                    width={Math.max(1, Math.round((h.count / max) * 100))}
                  />
                </svg>
              </td>
              <td class="num">{h.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
