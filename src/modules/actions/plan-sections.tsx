import { formatNumber } from "../../platform/i18n";
import { instantToZoned } from "../../platform/time";
import { Csrf } from "../../platform/ui/forms";
import { MATERIAL_STATUSES, ROLE_KINDS } from "./action";
import { actionsText } from "./actions.messages";
import { roleName, timeOnly } from "./actions-ui";
import type { PlanPageProps } from "./plan.page";
import { PersonName } from "./plan-people";
import { BringerForm, fieldsOf, RemoveButton, RowsSection, rowsPanel } from "./plan-section-parts";

// The plan page's panels for the day itself: roles, run of show, materials, chants.

export function RolesSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const { f, panel } = rowsPanel(p, "role");
  return (
    <RowsSection
      {...panel}
      row={(r) => (
        <>
          <strong>{roleName(r, p.lang)}</strong>
          {" · "}
          <PersonName plan={p.plan} id={r.personId} lang={p.lang} />
          {r.notes && <span class="muted"> · {r.notes}</span>}
          <RemoveButton p={p} kind="role" id={r.id} mine={r.mine} />
        </>
      )}
      after={p.canManage && <MarshalSetting {...p} />}
    >
      <div class="grid-2">
        {f.person("person_id", t.person)}
        {f.choice(
          "role",
          t.f_role,
          ROLE_KINDS.filter((k) => k !== "custom"),
          (k) => t[`role_${k}`],
        )}
      </div>
      <div class="grid-2">
        {f.text("custom_role", t.f_custom_role, { maxlength: 100 })}
        {f.text("notes", t.f_notes, { maxlength: 2000 })}
      </div>
    </RowsSection>
  );
}

export function StepsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const e = p.plan.event;
  const { f, panel } = rowsPanel(p, "step", { date: instantToZoned(e.startsAt, e.timeZone).date });
  return (
    <RowsSection
      {...panel}
      numbered
      class="timeline"
      row={(s) => (
        <>
          <time datetime={s.at.toISOString()}>{timeOnly(s.at, p.lang, e.timeZone)}</time>{" "}
          <strong>{s.title}</strong>
          {s.ownerPersonId && (
            <>
              {" · "}
              <PersonName plan={p.plan} id={s.ownerPersonId} lang={p.lang} />
            </>
          )}
          <RemoveButton p={p} kind="step" id={s.id} mine={s.mine} />
        </>
      )}
    >
      <div class="grid-2">
        {f.text("date", t.f_step_date, { type: "date", required: true })}
        {f.text("time", t.f_step_time, { type: "time", required: true })}
      </div>
      {f.text("title", t.f_step_title, { maxlength: 300, required: true })}
      {f.person("owner_id", t.f_owner, { optional: true })}
    </RowsSection>
  );
}

export function MaterialsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const { f, panel } = rowsPanel(p, "material");
  return (
    <RowsSection
      {...panel}
      row={(m) => (
        <>
          <strong>
            {m.quantity > 1 ? `${formatNumber(m.quantity, p.lang)} × ` : ""}
            {m.item}
          </strong>
          {" · "}
          <PersonName plan={p.plan} id={m.bringerPersonId} lang={p.lang} />{" "}
          <span class={`badge material-${m.status}`}>{t[`material_${m.status as "needed"}`]}</span>
          {p.canPlan && m.mine && <MaterialStatusForm p={p} m={m} />}
          <RemoveButton p={p} kind="material" id={m.id} mine={m.mine} />
        </>
      )}
      between={p.canPlan && p.plan.materials.some((m) => m.mine) && <BringerForm p={p} />}
    >
      <div class="grid-2">
        {f.text("item", t.f_item, { maxlength: 200, required: true })}
        {f.text("quantity", t.f_quantity, { inputmode: "numeric", maxlength: 6 })}
      </div>
      {f.person("bringer_id", t.f_bringer, { optional: true })}
    </RowsSection>
  );
}

function MaterialStatusForm({
  p,
  m,
}: {
  p: PlanPageProps;
  m: PlanPageProps["plan"]["materials"][number];
}) {
  const t = actionsText[p.lang];
  return (
    <form method="post" action={`/actions/${p.plan.event.id}/materials/${m.id}`} class="row-form">
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
  );
}

export function ChantsSection(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const { f, panel } = rowsPanel(p, "chant");
  return (
    <RowsSection
      {...panel}
      numbered
      row={(c) => (
        <>
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
        </>
      )}
    >
      <div class="grid-2">
        {f.text("call_es", t.f_call_es, { maxlength: 500 })}
        {f.text("response_es", t.f_response_es, { maxlength: 500 })}
      </div>
      <div class="grid-2">
        {f.text("call_en", t.f_call_en, { maxlength: 500 })}
        {f.text("response_en", t.f_response_en, { maxlength: 500 })}
      </div>
      {f.person("leader_id", t.f_leader, { optional: true })}
    </RowsSection>
  );
}

/** The organization's marshal ratio, which readiness uses ("one per 15 expected people"). */
function MarshalSetting(p: PlanPageProps) {
  const t = actionsText[p.lang];
  const f = fieldsOf(p, "settings", { people_per_marshal: String(p.plan.peoplePerMarshal) });
  return (
    <details class="disclosure" open={Object.keys(f.form.errors).length > 0}>
      <summary>{t.settings_title}</summary>
      <form
        method="post"
        action={`/actions/${p.plan.event.id}/settings`}
        class="row-form"
        novalidate
      >
        <Csrf token={p.csrf} />
        {f.text("people_per_marshal", `${t.f_per_marshal} … ${t.per_marshal_suffix}`, {
          inputmode: "numeric",
          maxlength: 4,
          required: true,
        })}
        <button type="submit" class="secondary">
          {t.save}
        </button>
      </form>
    </details>
  );
}
