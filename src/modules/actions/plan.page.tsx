import { formatNumber } from "../../platform/i18n";
import { Notice } from "../../platform/ui/blocks";
import { Facts } from "../../platform/ui/facts";
import { Csrf, type FormState } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import type { ViewProps } from "../../platform/ui/view";
import { canMoveStatus, type EventStatus } from "./action";
import { actionsText } from "./actions.messages";
import { Title, titleText, whenAndWhere } from "./actions-ui";
import type { Plan } from "./load-plan";
import type { PersonOption } from "./plan-people";
import { ChantsSection, MaterialsSection, RolesSection, StepsSection } from "./plan-sections";
import { CohostsSection, PairsSection, RsvpSection } from "./plan-sections-people";
import { ReadinessList } from "./readiness-list";

export type PlanForm =
  | "role"
  | "step"
  | "material"
  | "chant"
  | "pair"
  | "cohost"
  | "rsvp"
  | "settings";
export type PlanPickers = {
  organizers: PersonOption[];
  everyone: PersonOption[];
  newcomers: PersonOption[];
};

export type PlanPageProps = ViewProps & {
  plan: Plan;
  pickers: PlanPickers;
  forms: Partial<Record<PlanForm, FormState>>;
  canManage: boolean;
  canPlan: boolean;
  publicUrl: string | null;
  notice?: string;
};

const STATUS_BUTTONS: { to: EventStatus; key: "mark_planned" | "mark_done" | "back_to_draft" }[] = [
  { to: "planned", key: "mark_planned" },
  { to: "done", key: "mark_done" },
  { to: "draft", key: "back_to_draft" },
];

export function PlanPage(props: PlanPageProps) {
  const t = actionsText[props.lang];
  const { plan, lang } = props;
  const e = plan.event;
  return (
    <Page {...props} title={titleText(e.title, lang)} section="actions">
      <div class="page-head">
        <h1>
          <Title text={e.title} lang={lang} />
        </h1>
        <span class={`badge status-${e.status}`}>{t[`status_${e.status}`]}</span>
      </div>
      <Notice text={props.notice} />
      {e.status === "done" && plan.isHost && (
        <p>
          <a class="button" href={`/actions/${e.id}/review`}>
            {t.review_link}
          </a>
        </p>
      )}
      <ReadinessList plan={plan} lang={lang} />
      <section class="panel" aria-label={t.plan_title}>
        <Facts
          items={[
            ...whenAndWhere(e, lang, t),
            e.expectedTurnout !== null && {
              label: t.expected,
              value: formatNumber(e.expectedTurnout, lang),
            },
          ]}
        />
        {e.hearingId && <p class="hint">{t.court_follows}</p>}
        <div class="button-row">
          <a class="button" href={`/actions/${e.id}/check-in`}>
            {t.check_in}
          </a>
          <a class="button secondary" href={`/actions/${e.id}/sheet`}>
            {t.day_sheet}
          </a>
          {props.canManage && (
            <a class="button secondary" href={`/actions/${e.id}/edit`}>
              {t.edit}
            </a>
          )}
          {props.publicUrl && (
            <a class="button secondary" href={props.publicUrl}>
              {t.public_page}
            </a>
          )}
        </div>
        {props.canManage && (
          <form method="post" action={`/actions/${e.id}/status`} class="button-row status-form">
            <Csrf token={props.csrf} />
            {STATUS_BUTTONS.filter((b) => b.to !== e.status && canMoveStatus(e.status, b.to)).map(
              (b) => (
                <button
                  type="submit"
                  name="status"
                  value={b.to}
                  class={b.to === "done" ? "primary" : "secondary"}
                >
                  {t[b.key]}
                </button>
              ),
            )}
            {e.status !== "cancelled" && e.status !== "done" && (
              <a class="danger-link" href={`/actions/${e.id}/cancel`}>
                {t.mark_cancelled}
              </a>
            )}
          </form>
        )}
      </section>
      {plan.openLessons.length > 0 && (
        <section class="panel" id="lessons">
          <h2 class="panel-title">{t.lessons_title}</h2>
          <ul>
            {plan.openLessons.map((l) => (
              <li>{l.text}</li>
            ))}
          </ul>
          {/* The reviews module's page for these lessons, linked by address. */}
          <p>
            <a class="button secondary" href={`/actions/${e.id}/lessons`}>
              {t.lessons_handle}
            </a>
          </p>
        </section>
      )}
      <RolesSection {...props} />
      <StepsSection {...props} />
      <MaterialsSection {...props} />
      <ChantsSection {...props} />
      <PairsSection {...props} />
      <RsvpSection {...props} />
      <CohostsSection {...props} />
    </Page>
  );
}
