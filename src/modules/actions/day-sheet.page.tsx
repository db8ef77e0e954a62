import type { SignedIn } from "../../platform/http";
import { formatNumber, type Lang } from "../../platform/i18n";
import { Page } from "../../platform/ui/layout";
import { actionsText } from "./actions.messages";
import { Title, timeOnly, titleText, whenText } from "./actions-ui";
import type { Plan } from "./load-plan";
import { nameOf } from "./plan-people";

type Props = { lang: Lang; csrf: string; path: string; auth: SignedIn; plan: Plan };

/** For the lead to carry when phones fail: the plan on paper (print stylesheet in app.css). */
export function DaySheetPage(props: Props) {
  const t = actionsText[props.lang];
  const { plan, lang } = props;
  const e = plan.event;
  const phone = (id: string | null) => (id ? plan.people.get(id)?.phone : null) ?? "";
  const roleName = (r: Plan["roles"][number]) =>
    r.role === "custom" ? (r.customName ?? "") : t[`role_${r.role}` as "role_lead"];
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
        <h2>{t.steps_title}</h2>
        <table class="sheet-table">
          <tbody>
            {plan.steps.map((s) => (
              <tr>
                <td class="num">{timeOnly(s.at, lang, e.timeZone)}</td>
                <td>{s.title}</td>
                <td>{s.ownerPersonId ? nameOf(plan, s.ownerPersonId) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t.roles_title}</h2>
        <table class="sheet-table">
          <thead>
            <tr>
              <th scope="col">{t.f_role}</th>
              <th scope="col">{t.person}</th>
              <th scope="col">{t.phone}</th>
            </tr>
          </thead>
          <tbody>
            {plan.roles.map((r) => (
              <tr>
                <td>{roleName(r)}</td>
                <td>{nameOf(plan, r.personId)}</td>
                <td>{phone(r.personId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t.materials_title}</h2>
        <ul>
          {plan.materials.map((m) => (
            <li>
              ☐ {formatNumber(m.quantity, lang)} × {m.item} — {nameOf(plan, m.bringerPersonId)}
            </li>
          ))}
        </ul>
        <h2>{t.chants_title}</h2>
        <ol>
          {plan.chants.map((c) => (
            <li>
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
            </li>
          ))}
        </ol>
        <h2>{t.pairs_title}</h2>
        <ul>
          {plan.pairs.map((p) => (
            <li>
              {nameOf(plan, p.organizerPersonId)} ↔ {nameOf(plan, p.newcomerPersonId)}
            </li>
          ))}
        </ul>
      </article>
    </Page>
  );
}
