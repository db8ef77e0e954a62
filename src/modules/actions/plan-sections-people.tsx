import { formatNumber } from "../../platform/i18n";
import { ButtonForm, Csrf } from "../../platform/ui/forms";
import { ATTENDANCE_STATUSES } from "./action";
import { actionsText } from "./actions.messages";
import type { PlanPageProps } from "./plan.page";
import { PersonName } from "./plan-people";
import {
  AddForm,
  fieldsOf,
  RemoveButton,
  Rows,
  RowsSection,
  rowsPanel,
  Section,
} from "./plan-section-parts";

// The plan page's panels about who comes: pairs, RSVPs, co-hosts.

export function PairsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const { f, panel } = rowsPanel(p, "pair");
  return (
    <RowsSection
      {...panel}
      row={(pair) => (
        <>
          <PersonName plan={p.plan} id={pair.organizerPersonId} lang={p.lang} /> ↔{" "}
          <PersonName plan={p.plan} id={pair.newcomerPersonId} lang={p.lang} />
          <RemoveButton p={p} kind="pair" id={pair.id} mine={pair.mine} />
        </>
      )}
      between={
        p.canPlan &&
        p.pickers.newcomers.length > 0 && (
          <ButtonForm
            action={`/actions/${p.plan.event.id}/pairs/auto`}
            csrf={p.csrf}
            tone="primary"
          >
            {t.pair_auto}
          </ButtonForm>
        )
      }
      add={{ ...panel.add, closed: true }}
    >
      <div class="grid-2">
        {f.person("organizer_id", t.f_organizer, { from: p.pickers.organizers })}
        {f.person("newcomer_id", t.f_newcomer, { from: p.pickers.newcomers })}
      </div>
    </RowsSection>
  );
}

export function RsvpSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const f = fieldsOf(p, "rsvp");
  return (
    <Section id="rsvps" title={t.rsvps_title}>
      <ul class="counts">
        {ATTENDANCE_STATUSES.map((s) => (
          <li>
            <span class="count-number">{formatNumber(p.plan.counts[s], p.lang)}</span>{" "}
            {t[`att_${s}`]}
          </li>
        ))}
      </ul>
      <AddForm f={f} path="attendances" label={t.add_rsvp} empty={false}>
        <div class="grid-2">
          {f.person("person_id", t.person, { from: p.pickers.organizers })}
          {f.choice("status", t.f_status, ATTENDANCE_STATUSES, (s) => t[`att_${s}`], "going")}
        </div>
      </AddForm>
    </Section>
  );
}

export function CohostsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const f = fieldsOf(p, "cohost");
  const { plan } = p;
  if (!plan.isHost && plan.cohosts.length === 0) return null;
  return (
    <Section id="cohosts" title={t.cohosts_title}>
      <Rows
        items={plan.cohosts}
        empty={t.cohosts_empty}
        row={(c) => (
          <>
            {c.name}
            {c.status !== "accepted" && (
              <>
                {" "}
                <span class="badge">
                  {c.status === "invited" ? t.cohost_invited : t.cohost_declined}
                </span>
              </>
            )}
          </>
        )}
      />
      {plan.isHost && p.canManage && (
        <form
          method="post"
          action={`/actions/${plan.event.id}/cohosts`}
          class="add-form"
          novalidate
        >
          <Csrf token={p.csrf} />
          <p class="hint">{t.cohost_note}</p>
          <div class="grid-2">
            {f.text("org_slug", t.f_cohost_slug, { maxlength: 80 })}
            {f.text("name", t.f_cohost_name, { maxlength: 200 })}
          </div>
          <button type="submit" class="secondary">
            {t.add_cohost}
          </button>
        </form>
      )}
    </Section>
  );
}
