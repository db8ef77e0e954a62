import type { PropsWithChildren } from "hono/jsx";
import type { Lang } from "../../platform/i18n";
import { FieldSet } from "../../platform/ui/field-frame";
import {
  Checkbox,
  DisclosureForm,
  emptyForm,
  Field,
  type FormState,
  optionsOf,
  Select,
} from "../../platform/ui/forms";
import type { Drive, DropOffPoint } from "./drive-record";
import { BASE_UNITS } from "./quantity";
import { suppliesText } from "./supplies.messages";
import { unitName } from "./units";

// The small forms at the bottom of each dashboard panel: they post to their own route and
// come back to the dashboard (with what was typed and the message beside the field on error).

type FormProps = { drive: Drive; lang: Lang; csrf: string; form?: FormState | undefined };

/**
 * A panel's form behind a disclosure, open when it came back with what was typed (else
 * empty but for `defaults`).
 */
function PanelForm(
  props: PropsWithChildren<{
    p: FormProps;
    defaults?: Record<string, string>;
    path: string;
    id: string;
    title: string;
    submit: string;
  }>,
) {
  const { p } = props;
  return (
    <DisclosureForm
      summary={props.title}
      open={p.form !== undefined}
      alert={false}
      action={`/supplies/${p.drive.id}/${props.path}`}
      csrf={p.csrf}
      form={p.form ?? emptyForm(props.defaults)}
      lang={p.lang}
      id={props.id}
      submit={props.submit}
      browserChecks
    >
      {props.children}
    </DisclosureForm>
  );
}

const DAYS: Record<Lang, readonly string[]> = {
  es: ["Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

export function AddNeedForm(props: FormProps) {
  const t = suppliesText[props.lang];
  return (
    <PanelForm
      p={props}
      defaults={{ unit: "piece", condition: "any" }}
      path="needs"
      id="add-need"
      title={t.add_need_title}
      submit={t.add_need}
    >
      <Field name="item_es" label={t.item_es} required maxlength={500} />
      <Field name="item_en" label={t.item_en} maxlength={500} />
      <Field name="variant" label={t.variant} maxlength={200} />
      <Field name="quantity" label={t.quantity} required inputmode="decimal" />
      <Select
        name="unit"
        label={t.unit}
        options={optionsOf(BASE_UNITS, (u) => unitName(u, props.lang))}
      />
      <Select
        name="condition"
        label={t.condition}
        options={[
          { value: "any", label: t.condition_any },
          { value: "new_only", label: t.condition_new_only },
        ]}
      />
      <Field name="neededBy" label={t.needed_by_label} type="date" />
      <Checkbox name="urgent" label={t.mark_urgent} />
    </PanelForm>
  );
}

export function AddPointForm(props: FormProps & { auth: { org: { timeZone: string } } }) {
  const t = suppliesText[props.lang];
  const form = props.form ?? emptyForm();
  const zone = props.auth.org.timeZone;
  const hoursError = form.errors.hours;
  /** The time a point opens or closes on day `i` (Monday is 1 in the field's name). */
  const time = (day: string, i: number, edge: "opens" | "closes") => (
    <label>
      <span class="visually-hidden">{`${day}: ${t[edge]}`}</span>
      <input type="time" name={`${edge}.${i + 1}`} value={form.values[`${edge}.${i + 1}`] ?? ""} />
    </label>
  );
  return (
    <PanelForm p={props} path="points" id="add-point" title={t.add_point} submit={t.add_point}>
      <Field name="name" label={t.point_name} required maxlength={500} />
      <Field name="address" label={t.point_address} maxlength={500} />
      <FieldSet
        class="supply-hours"
        legend={t.point_hours}
        hint={t.point_hours_hint(zone)}
        bad={!!hoursError}
        error={hoursError && t.hours_invalid}
      >
        {DAYS[props.lang].map((day, i) => (
          <div class="supply-hours-row">
            <span>{day}</span>
            {time(day, i, "opens")}
            <span aria-hidden="true">–</span>
            {time(day, i, "closes")}
          </div>
        ))}
      </FieldSet>
    </PanelForm>
  );
}

export function AddNotAcceptedForm(props: FormProps & { points: DropOffPoint[] }) {
  const t = suppliesText[props.lang];
  return (
    <PanelForm
      p={props}
      defaults={{ pointId: "" }}
      path="not-accepted"
      id="add-not-accepted"
      title={t.add_not_accepted}
      submit={t.add_not_accepted}
    >
      <Field name="text_es" label={t.not_accepted_es} required maxlength={500} />
      <Field name="text_en" label={t.not_accepted_en} maxlength={500} />
      {props.points.length > 0 && (
        <Select
          name="pointId"
          label={t.not_accepted_point}
          blank={t.not_accepted_everywhere}
          options={props.points.map((p) => ({ value: p.id, label: p.name }))}
        />
      )}
    </PanelForm>
  );
}
