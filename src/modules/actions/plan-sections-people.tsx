import { formatNumber } from "../../platform/i18n";
import { Csrf } from "../../platform/ui/forms";
import { ATTENDANCE_STATUSES } from "./action";
import { actionsText } from "./actions.messages";
import type { PlanPageProps } from "./plan.page";
import { PersonName, PersonSelect, PlanField } from "./plan-people";
import { AddForm, formOf, RemoveButton, Section } from "./plan-section-parts";

// The plan page's panels about who comes: pairs, RSVPs, co-hosts.

export function PairsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const form = formOf(p, "pair");
  return (
    <Section id="pairs" title={t.pairs_title}>
      {p.plan.pairs.length === 0 ? (
        <p class="muted">{t.pairs_empty}</p>
      ) : (
        <ul class="rows">
          {p.plan.pairs.map((pair) => (
            <li>
              <PersonName plan={p.plan} id={pair.organizerPersonId} lang={p.lang} /> ↔{" "}
              <PersonName plan={p.plan} id={pair.newcomerPersonId} lang={p.lang} />
              <RemoveButton p={p} kind="pair" id={pair.id} mine={pair.mine} />
            </li>
          ))}
        </ul>
      )}
      {p.canPlan && p.pickers.newcomers.length > 0 && (
        <form method="post" action={`/actions/${p.plan.event.id}/pairs/auto`} class="inline">
          <Csrf token={p.csrf} />
          <button type="submit" class="primary">
            {t.pair_auto}
          </button>
        </form>
      )}
      <AddForm p={p} path="pairs" label={t.add_pair} form={form} empty={false}>
        <div class="grid-2">
          <PersonSelect
            name="organizer_id"
            label={t.f_organizer}
            form={form}
            lang={p.lang}
            options={p.pickers.organizers}
            idPrefix="pair"
          />
          <PersonSelect
            name="newcomer_id"
            label={t.f_newcomer}
            form={form}
            lang={p.lang}
            options={p.pickers.newcomers}
            idPrefix="pair"
          />
        </div>
      </AddForm>
    </Section>
  );
}

export function RsvpSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const form = formOf(p, "rsvp");
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
      <AddForm p={p} path="attendances" label={t.add_rsvp} form={form} empty={false}>
        <div class="grid-2">
          <PersonSelect
            name="person_id"
            label={t.person}
            form={form}
            lang={p.lang}
            options={p.pickers.organizers}
            idPrefix="rsvp"
          />
          <div class="field">
            <label for="f-rsvp-status">{t.f_status}</label>
            <select id="f-rsvp-status" name="status">
              {ATTENDANCE_STATUSES.map((s) => (
                <option value={s} selected={(form.values.status ?? "going") === s}>
                  {t[`att_${s}`]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </AddForm>
    </Section>
  );
}

export function CohostsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const form = formOf(p, "cohost");
  const { plan } = p;
  if (!plan.isHost && plan.cohosts.length === 0) return null;
  return (
    <Section id="cohosts" title={t.cohosts_title}>
      {plan.cohosts.length === 0 ? (
        <p class="muted">{t.cohosts_empty}</p>
      ) : (
        <ul class="rows">
          {plan.cohosts.map((c) => (
            <li>
              {c.name}
              {c.status !== "accepted" && (
                <>
                  {" "}
                  <span class="badge">
                    {c.status === "invited" ? t.cohost_invited : t.cohost_declined}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
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
            <PlanField
              name="org_slug"
              label={t.f_cohost_slug}
              form={form}
              lang={p.lang}
              idPrefix="cohost"
              maxlength={80}
            />
            <PlanField
              name="name"
              label={t.f_cohost_name}
              form={form}
              lang={p.lang}
              idPrefix="cohost"
              maxlength={200}
            />
          </div>
          <button type="submit" class="secondary">
            {t.add_cohost}
          </button>
        </form>
      )}
    </Section>
  );
}
