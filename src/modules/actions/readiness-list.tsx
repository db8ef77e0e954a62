import type { Lang } from "../../platform/i18n";
import { actionsText } from "./actions.messages";
import type { Plan } from "./load-plan";
import { nameOf } from "./plan-people";
import { FIX_SECTION, type Missing } from "./readiness";

/** One sentence per gap, in the reader's language (also the API's `message`). */
export function missingMessage(m: Missing, plan: Plan, lang: Lang): string {
  const t = actionsText[lang];
  switch (m.code) {
    case "no_lead":
      return t.r_no_lead;
    case "role_missing":
      return t.r_role_missing(nameOf(plan, m.personId));
    case "material_unassigned":
      return t.r_material_unassigned(m.item);
    case "marshals_short":
      return t.r_marshals_short(m.have, m.needed, plan.peoplePerMarshal);
    case "chant_leader_missing":
      return t.r_chant_leader_missing;
    case "no_first_step":
      return t.r_no_first_step;
    case "newcomer_unpaired":
      return t.r_newcomer_unpaired(nameOf(plan, m.personId));
    case "open_lesson":
      return t.r_open_lesson(m.text);
  }
}

/** The readiness checklist: each gap with a link to the part of the plan that fixes it. */
export function ReadinessList(props: { plan: Plan; lang: Lang }) {
  const t = actionsText[props.lang];
  const { missing } = props.plan.readiness;
  return (
    <section
      class={`panel readiness ${missing.length ? "not-ready" : "is-ready"}`}
      aria-labelledby="readiness-h"
    >
      <h2 class="panel-title" id="readiness-h">
        {t.readiness_title}
      </h2>
      {missing.length === 0 ? (
        <p class="ready-line">✓ {t.readiness_ready}</p>
      ) : (
        <>
          <p>{t.readiness_count(missing.length)}</p>
          <ul class="checklist">
            {missing.map((m) => (
              <li data-code={m.code}>
                <span>{missingMessage(m, props.plan, props.lang)}</span>{" "}
                <a href={`#${FIX_SECTION[m.code]}`}>{t.fix}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
