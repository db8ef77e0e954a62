import { common } from "../../platform/common.messages";
import type { Lang } from "../../platform/i18n";
import type { FormState } from "../../platform/ui/forms";
import { actionsText } from "./actions.messages";
import type { Plan } from "./load-plan";

// People on a plan: a name (a link for one's own people, plain text for a co-host's) and
// the person pickers of the plan's forms.

export type PersonOption = { id: string; displayName: string };

export function PersonName(props: { plan: Plan; id: string | null; lang: Lang }) {
  const t = actionsText[props.lang];
  if (!props.id) return <span class="muted">{t.nobody}</span>;
  const person = props.plan.people.get(props.id);
  if (!person) return <span class="muted">—</span>;
  if (!person.own) {
    return (
      <span>
        {person.displayName} <span class="muted">({t.other_org})</span>
      </span>
    );
  }
  return <a href={`/people/${person.id}`}>{person.displayName}</a>;
}

export function nameOf(plan: Plan, id: string | null): string {
  return (id && plan.people.get(id)?.displayName) || "—";
}

/** A labelled select of people; the first option is "choose" (or "nobody" when optional). */
export function PersonSelect(props: {
  name: string;
  label: string;
  form: FormState;
  lang: Lang;
  options: PersonOption[];
  optional?: boolean;
  idPrefix: string;
}) {
  const t = actionsText[props.lang];
  const id = `f-${props.idPrefix}-${props.name}`;
  const error = props.form.errors[props.name];
  const current = props.form.values[props.name] ?? "";
  return (
    <div class={`field ${error ? "has-error" : ""}`}>
      <label for={id}>{props.label}</label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {common[props.lang][`field_${error}`]}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{props.optional ? t.nobody : t.choose_person}</option>
        {props.options.map((o) => (
          <option value={o.id} selected={o.id === current}>
            {o.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain field with a section-specific id (several forms on one page share names). */
export function PlanField(props: {
  name: string;
  label: string;
  form: FormState;
  lang: Lang;
  idPrefix: string;
  type?: "text" | "time" | "date";
  inputmode?: "numeric";
  maxlength?: number;
  required?: boolean;
}) {
  const id = `f-${props.idPrefix}-${props.name}`;
  const error = props.form.errors[props.name];
  const c = common[props.lang];
  return (
    <div class={`field ${error ? "has-error" : ""}`}>
      <label for={id}>
        {props.label}
        {!props.required && <span class="optional"> ({c.optional})</span>}
      </label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {c[`field_${error}`]}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.form.values[props.name] ?? ""}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}
