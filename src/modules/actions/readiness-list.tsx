import type { Lang } from "../../platform/i18n";
import { actionsText } from "./actions.messages";
import type { Plan } from "./load-plan";
import { nameOf } from "./plan-people";
import { FIX_SECTION, type Missing, type MissingCode } from "./readiness";

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

/** Per code, at most this many lines on the page; the rest is one "and N more" line. */
const PER_CODE = 5;

/**
 * The checklist as it is shown: a big action (2,000 RSVPs) may have hundreds of newcomers
 * without a pair; the page names the first few of each kind and counts the rest (the API
 * lists them all).
 */
export function shown(
  missing: readonly Missing[],
): Array<Missing | { code: MissingCode; more: number }> {
  const seen = new Map<MissingCode, number>();
  const out: Array<Missing | { code: MissingCode; more: number }> = [];
  for (const m of missing) {
    const n = (seen.get(m.code) ?? 0) + 1;
    seen.set(m.code, n);
    if (n <= PER_CODE) out.push(m);
  }
  for (const [code, n] of seen) {
    if (n <= PER_CODE) continue;
    const last = out.findLastIndex((m) => m.code === code);
    out.splice(last + 1, 0, { code, more: n - PER_CODE });
  }
  return out;
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
            {shown(missing).map((item) =>
              "more" in item ? (
                <li data-code={item.code} class="more">
                  <span>{t.readiness_more(item.more)}</span>{" "}
                  <a href={`#${FIX_SECTION[item.code]}`}>{t.fix}</a>
                </li>
              ) : (
                <li data-code={item.code}>
                  <span>{missingMessage(item, props.plan, props.lang)}</span>{" "}
                  <a href={`#${FIX_SECTION[item.code]}`}>{t.fix}</a>
                </li>
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
