import { formatNumber } from "../../platform/i18n";
import { instantToZoned } from "../../platform/time";
import { Csrf } from "../../platform/ui/forms";
import { MATERIAL_STATUSES, ROLE_KINDS } from "./action";
import { actionsText } from "./actions.messages";
import { timeOnly } from "./actions-ui";
import type { PlanPageProps } from "./plan.page";
import { PersonName, PersonSelect, PlanField } from "./plan-people";
import { AddForm, BringerForm, formOf, RemoveButton, Section } from "./plan-section-parts";

// The plan page's panels for the day itself: roles, run of show, materials, chants.

export function RolesSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const form = formOf(p, "role");
  const roles = p.plan.roles;
  return (
    <Section id="roles" title={t.roles_title}>
      {roles.length === 0 ? (
        <p class="muted">{t.roles_empty}</p>
      ) : (
        <ul class="rows">
          {roles.map((r) => (
            <li>
              <strong>
                {r.role === "custom"
                  ? r.customName
                  : t[`role_${r.role as Exclude<typeof r.role, "custom">}` as "role_lead"]}
              </strong>
              {" · "}
              <PersonName plan={p.plan} id={r.personId} lang={p.lang} />
              {r.notes && <span class="muted"> · {r.notes}</span>}
              <RemoveButton p={p} kind="role" id={r.id} mine={r.mine} />
            </li>
          ))}
        </ul>
      )}
      <AddForm p={p} path="roles" label={t.add_role} form={form} empty={roles.length === 0}>
        <div class="grid-2">
          <PersonSelect
            name="person_id"
            label={t.person}
            form={form}
            lang={p.lang}
            options={p.pickers.everyone}
            idPrefix="role"
          />
          <div class="field">
            <label for="f-role-role">{t.f_role}</label>
            <select id="f-role-role" name="role">
              {ROLE_KINDS.filter((k) => k !== "custom").map((k) => (
                <option value={k} selected={form.values.role === k}>
                  {t[`role_${k}`]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="grid-2">
          <PlanField
            name="custom_role"
            label={t.f_custom_role}
            form={form}
            lang={p.lang}
            idPrefix="role"
            maxlength={100}
          />
          <PlanField
            name="notes"
            label={t.f_notes}
            form={form}
            lang={p.lang}
            idPrefix="role"
            maxlength={2000}
          />
        </div>
      </AddForm>
      {p.canManage && <MarshalSetting {...p} />}
    </Section>
  );
}

export function StepsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const e = p.plan.event;
  const given = formOf(p, "step");
  const form = {
    ...given,
    values: { date: instantToZoned(e.startsAt, e.timeZone).date, ...given.values },
  };
  return (
    <Section id="steps" title={t.steps_title}>
      {p.plan.steps.length === 0 ? (
        <p class="muted">{t.steps_empty}</p>
      ) : (
        <ol class="rows timeline">
          {p.plan.steps.map((s) => (
            <li>
              <time datetime={s.at.toISOString()}>{timeOnly(s.at, p.lang, e.timeZone)}</time>{" "}
              <strong>{s.title}</strong>
              {s.ownerPersonId && (
                <>
                  {" · "}
                  <PersonName plan={p.plan} id={s.ownerPersonId} lang={p.lang} />
                </>
              )}
              <RemoveButton p={p} kind="step" id={s.id} mine={s.mine} />
            </li>
          ))}
        </ol>
      )}
      <AddForm p={p} path="steps" label={t.add_step} form={form} empty={p.plan.steps.length === 0}>
        <div class="grid-2">
          <PlanField
            name="date"
            type="date"
            label={t.f_step_date}
            form={form}
            lang={p.lang}
            idPrefix="step"
            required
          />
          <PlanField
            name="time"
            type="time"
            label={t.f_step_time}
            form={form}
            lang={p.lang}
            idPrefix="step"
            required
          />
        </div>
        <PlanField
          name="title"
          label={t.f_step_title}
          form={form}
          lang={p.lang}
          idPrefix="step"
          maxlength={300}
          required
        />
        <PersonSelect
          name="owner_id"
          label={t.f_owner}
          form={form}
          lang={p.lang}
          options={p.pickers.everyone}
          optional
          idPrefix="step"
        />
      </AddForm>
    </Section>
  );
}

export function MaterialsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const form = formOf(p, "material");
  return (
    <Section id="materials" title={t.materials_title}>
      {p.plan.materials.length === 0 ? (
        <p class="muted">{t.materials_empty}</p>
      ) : (
        <ul class="rows">
          {p.plan.materials.map((m) => (
            <li>
              <strong>
                {m.quantity > 1 ? `${formatNumber(m.quantity, p.lang)} × ` : ""}
                {m.item}
              </strong>
              {" · "}
              <PersonName plan={p.plan} id={m.bringerPersonId} lang={p.lang} />{" "}
              <span class={`badge material-${m.status}`}>
                {t[`material_${m.status as "needed"}`]}
              </span>
              {p.canPlan && m.mine && (
                <form
                  method="post"
                  action={`/actions/${p.plan.event.id}/materials/${m.id}`}
                  class="row-form"
                >
                  <Csrf token={p.csrf} />
                  {/* The status only: who brings it is set in the one form below, so a
                      plan with 40 materials does not carry 40 lists of everyone. */}
                  <input type="hidden" name="bringer_id" value={m.bringerPersonId ?? ""} />
                  <label class="visually-hidden" for={`ms-${m.id}`}>
                    {t.status_label}
                  </label>
                  <select id={`ms-${m.id}`} name="status">
                    {MATERIAL_STATUSES.map((s) => (
                      <option value={s} selected={s === m.status}>
                        {t[`material_${s}`]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary">
                    {t.update_material}
                  </button>
                </form>
              )}
              <RemoveButton p={p} kind="material" id={m.id} mine={m.mine} />
            </li>
          ))}
        </ul>
      )}
      {p.canPlan && p.plan.materials.some((m) => m.mine) && <BringerForm p={p} />}
      <AddForm
        p={p}
        path="materials"
        label={t.add_material}
        form={form}
        empty={p.plan.materials.length === 0}
      >
        <div class="grid-2">
          <PlanField
            name="item"
            label={t.f_item}
            form={form}
            lang={p.lang}
            idPrefix="material"
            maxlength={200}
            required
          />
          <PlanField
            name="quantity"
            label={t.f_quantity}
            form={form}
            lang={p.lang}
            idPrefix="material"
            inputmode="numeric"
            maxlength={6}
          />
        </div>
        <PersonSelect
          name="bringer_id"
          label={t.f_bringer}
          form={form}
          lang={p.lang}
          options={p.pickers.everyone}
          optional
          idPrefix="material"
        />
      </AddForm>
    </Section>
  );
}

export function ChantsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const form = formOf(p, "chant");
  return (
    <Section id="chants" title={t.chants_title}>
      {p.plan.chants.length === 0 ? (
        <p class="muted">{t.chants_empty}</p>
      ) : (
        <ol class="rows">
          {p.plan.chants.map((c) => (
            <li>
              {c.callEs && (
                <span lang="es">
                  <strong>{c.callEs}</strong> {c.responseEs && <>— {c.responseEs}</>}
                </span>
              )}
              {c.callEs && c.callEn && <br />}
              {c.callEn && (
                <span lang="en">
                  <strong>{c.callEn}</strong> {c.responseEn && <>— {c.responseEn}</>}
                </span>
              )}
              <span class="muted"> · </span>
              <PersonName plan={p.plan} id={c.leaderPersonId} lang={p.lang} />
              <RemoveButton p={p} kind="chant" id={c.id} mine={c.mine} />
            </li>
          ))}
        </ol>
      )}
      <AddForm
        p={p}
        path="chants"
        label={t.add_chant}
        form={form}
        empty={p.plan.chants.length === 0}
      >
        <div class="grid-2">
          <PlanField
            name="call_es"
            label={t.f_call_es}
            form={form}
            lang={p.lang}
            idPrefix="chant"
            maxlength={500}
          />
          <PlanField
            name="response_es"
            label={t.f_response_es}
            form={form}
            lang={p.lang}
            idPrefix="chant"
            maxlength={500}
          />
        </div>
        <div class="grid-2">
          <PlanField
            name="call_en"
            label={t.f_call_en}
            form={form}
            lang={p.lang}
            idPrefix="chant"
            maxlength={500}
          />
          <PlanField
            name="response_en"
            label={t.f_response_en}
            form={form}
            lang={p.lang}
            idPrefix="chant"
            maxlength={500}
          />
        </div>
        <PersonSelect
          name="leader_id"
          label={t.f_leader}
          form={form}
          lang={p.lang}
          options={p.pickers.everyone}
          optional
          idPrefix="chant"
        />
      </AddForm>
    </Section>
  );
}

/** The organization's marshal ratio, which readiness uses ("one per 15 expected people"). */
function MarshalSetting(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const given = formOf(p, "settings");
  const form = {
    ...given,
    values: { people_per_marshal: String(p.plan.peoplePerMarshal), ...given.values },
  };
  return (
    <details class="disclosure" open={Object.keys(form.errors).length > 0}>
      <summary>{t.settings_title}</summary>
      <form
        method="post"
        action={`/actions/${p.plan.event.id}/settings`}
        class="row-form"
        novalidate
      >
        <Csrf token={p.csrf} />
        <PlanField
          name="people_per_marshal"
          label={`${t.f_per_marshal} … ${t.per_marshal_suffix}`}
          form={form}
          lang={p.lang}
          idPrefix="settings"
          inputmode="numeric"
          maxlength={4}
          required
        />
        <button type="submit" class="secondary">
          {t.save}
        </button>
      </form>
    </details>
  );
}
