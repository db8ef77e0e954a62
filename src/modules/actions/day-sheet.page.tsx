import type { Child } from "hono/jsx";
import { formatNumber } from "../../platform/i18n";
import { Page } from "../../platform/ui/layout";
import { PlainList } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import { actionsText } from "./actions.messages";
import { roleName, Title, timeOnly, titleText, whenText } from "./actions-ui";
import type { Plan } from "./load-plan";
import { nameOf } from "./plan-people";

type Props = ViewProps & { plan: Plan };

/** For the lead to carry when phones fail: the plan on paper (print stylesheet in app.css). */
export function DaySheetPage(props: Props) {
  const t = actionsText[props.lang];
  const { plan, lang } = props;
  const e = plan.event;
  const phone = (id: string | null) => (id ? plan.people.get(id)?.phone : null) ?? "";
  return (
    <Page {...props} title={`${t.sheet_title} · ${titleText(e.title, lang)}`} section="actions">
      <article class="day-sheet">
        <p class="crumb no-print">
          <a href={`/actions/${e.id}`}>← {t.plan_title}</a>
        </p>
        <h1>
          <Title text={e.title} lang={lang} />
        </h1>
        <p>
          <strong>{whenText(e, lang)}</strong>
          {e.placeName && <> · {[e.placeName, e.placeAddress].filter(Boolean).join(", ")}</>}
          {e.meetingPoint && (
            <>
              {" · "}
              {t.meeting_point}: {e.meetingPoint}
            </>
          )}
        </p>
        <SheetTable
          title={t.steps_title}
          items={plan.steps}
          row={(s) => (
            <>
              <td class="num">{timeOnly(s.at, lang, e.timeZone)}</td>
              <td>{s.title}</td>
              <td>{s.ownerPersonId ? nameOf(plan, s.ownerPersonId) : ""}</td>
            </>
          )}
        />
        <SheetTable
          title={t.roles_title}
          head={[t.f_role, t.person, t.phone]}
          items={plan.roles}
          row={(r) => (
            <>
              <td>{roleName(r, lang)}</td>
              <td>{nameOf(plan, r.personId)}</td>
              <td class="tel">{phone(r.personId)}</td>
            </>
          )}
        />
        <SheetList
          title={t.materials_title}
          items={plan.materials}
          row={(m) => (
            <>
              ☐ {formatNumber(m.quantity, lang)} × {m.item} —{" "}
              {m.bringerPersonId ? nameOf(plan, m.bringerPersonId) : t.nobody}
            </>
          )}
        />
        <SheetList
          title={t.chants_title}
          items={plan.chants}
          numbered
          row={(c) => (
            <>
              {c.callEs && (
                <span lang="es">
                  {c.callEs} — {c.responseEs}
                </span>
              )}
              {c.callEs && c.callEn && " / "}
              {c.callEn && (
                <span lang="en">
                  {c.callEn} — {c.responseEn}
                </span>
              )}{" "}
              ({nameOf(plan, c.leaderPersonId)})
            </>
          )}
        />
        <SheetList
          title={t.pairs_title}
          items={plan.pairs}
          row={(p) => (
            <>
              {nameOf(plan, p.organizerPersonId)} ↔ {nameOf(plan, p.newcomerPersonId)}
            </>
          )}
        />
      </article>
    </Page>
  );
}

/** One table of the sheet under its heading: a row of `<td>`s per item, `head` above them. */
function SheetTable<T>(props: {
  title: string;
  head?: string[];
  items: readonly T[];
  row: (item: T) => Child;
}) {
  return (
    <>
      <h2>{props.title}</h2>
      <table class="sheet-table">
        {props.head && (
          <thead>
            <tr>
              {props.head.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {props.items.map((item) => (
            <tr>{props.row(item)}</tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** One list of the sheet under its heading, numbered when the order counts. */
function SheetList<T>(props: {
  title: string;
  items: readonly T[];
  numbered?: boolean;
  row: (item: T) => Child;
}) {
  return (
    <>
      <h2>{props.title}</h2>
      <PlainList items={props.items} item={props.row} numbered={props.numbered} />
    </>
  );
}
