import type { Lang } from "../../platform/i18n";
import { Checkbox, emptyForm, Field, type FormState, Select } from "../../platform/ui/forms";
import type { Drive, DropOffPoint } from "./drive-record";
import { BASE_UNITS } from "./quantity";
import { suppliesText } from "./supplies.messages";
import { unitName } from "./units";

// The small forms at the bottom of each dashboard panel: they post to their own route and
// come back to the dashboard (with what was typed and the message beside the field on error).

type FormProps = { drive: Drive; lang: Lang; csrf: string; form?: FormState | undefined };

const DAYS: Record<Lang, readonly string[]> = {
  es: ["Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

export function AddNeedForm(props: FormProps) {
  const t = suppliesText[props.lang];
  const form = props.form ?? emptyForm({ unit: "piece", condition: "any" });
  return (
    <details class="disclosure" open={props.form !== undefined}>
      <summary>{t.add_need_title}</summary>
      <form method="post" action={`/supplies/${props.drive.id}/needs`} id="add-need">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          name="item_es"
          label={t.item_es}
          form={form}
          lang={props.lang}
          required
          maxlength={500}
        />
        <Field name="item_en" label={t.item_en} form={form} lang={props.lang} maxlength={500} />
        <Field name="variant" label={t.variant} form={form} lang={props.lang} maxlength={200} />
        <Field
          name="quantity"
          label={t.quantity}
          form={form}
          lang={props.lang}
          required
          inputmode="decimal"
        />
        <Select
          name="unit"
          label={t.unit}
          form={form}
          lang={props.lang}
          options={BASE_UNITS.map((u) => ({ value: u, label: unitName(u, props.lang) }))}
        />
        <Select
          name="condition"
          label={t.condition}
          form={form}
          lang={props.lang}
          options={[
            { value: "any", label: t.condition_any },
            { value: "new_only", label: t.condition_new_only },
          ]}
        />
        <Field
          name="neededBy"
          label={t.needed_by_label}
          form={form}
          lang={props.lang}
          type="date"
        />
        <Checkbox name="urgent" label={t.mark_urgent} form={form} />
        <div class="form-actions">
          <button type="submit" class="primary">
            {t.add_need}
          </button>
        </div>
      </form>
    </details>
  );
}

export function AddPointForm(props: FormProps & { auth: { org: { timeZone: string } } }) {
  const t = suppliesText[props.lang];
  const form = props.form ?? emptyForm();
  const zone = props.auth.org.timeZone;
  const hoursError = form.errors.hours;
  return (
    <details class="disclosure" open={props.form !== undefined}>
      <summary>{t.add_point}</summary>
      <form method="post" action={`/supplies/${props.drive.id}/points`} id="add-point">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          name="name"
          label={t.point_name}
          form={form}
          lang={props.lang}
          required
          maxlength={500}
        />
        <Field
          name="address"
          label={t.point_address}
          form={form}
          lang={props.lang}
          maxlength={500}
        />
        <fieldset class={`field supply-hours ${hoursError ? "has-error" : ""}`}>
          <legend>{t.point_hours}</legend>
          <p class="hint">{t.point_hours_hint(zone)}</p>
          {hoursError && <p class="error">{t.hours_invalid}</p>}
          {DAYS[props.lang].map((day, i) => (
            <div class="supply-hours-row">
              <span>{day}</span>
              <label>
                <span class="visually-hidden">{`${day}: ${t.opens}`}</span>
                <input
                  type="time"
                  name={`opens.${i + 1}`}
                  value={form.values[`opens.${i + 1}`] ?? ""}
                />
              </label>
              <span aria-hidden="true">–</span>
              <label>
                <span class="visually-hidden">{`${day}: ${t.closes}`}</span>
                <input
                  type="time"
                  name={`closes.${i + 1}`}
                  value={form.values[`closes.${i + 1}`] ?? ""}
                />
              </label>
            </div>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary">
            {t.add_point}
          </button>
        </div>
      </form>
    </details>
  );
}

export function AddNotAcceptedForm(props: FormProps & { points: DropOffPoint[] }) {
  const t = suppliesText[props.lang];
  const form = props.form ?? emptyForm({ pointId: "" });
  return (
    <details class="disclosure" open={props.form !== undefined}>
      <summary>{t.add_not_accepted}</summary>
      <form method="post" action={`/supplies/${props.drive.id}/not-accepted`} id="add-not-accepted">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          name="text_es"
          label={t.not_accepted_es}
          form={form}
          lang={props.lang}
          required
          maxlength={500}
        />
        <Field
          name="text_en"
          label={t.not_accepted_en}
          form={form}
          lang={props.lang}
          maxlength={500}
        />
        {props.points.length > 0 && (
          <Select
            name="pointId"
            label={t.not_accepted_point}
            form={form}
            lang={props.lang}
            options={[
              { value: "", label: t.not_accepted_everywhere },
              ...props.points.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        )}
        <div class="form-actions">
          <button type="submit" class="primary">
            {t.add_not_accepted}
          </button>
        </div>
      </form>
    </details>
  );
}
