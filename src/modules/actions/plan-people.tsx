import type { Lang } from "../../platform/i18n";
import { Field, type FormState, Select } from "../../platform/ui/forms";
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
  return (
    <Select
      id={`f-${props.idPrefix}-${props.name}`}
      name={props.name}
      label={props.label}
      form={props.form}
      lang={props.lang}
      blank={props.optional ? t.nobody : t.choose_person}
      options={props.options.map((o) => ({ value: o.id, label: o.displayName }))}
    />
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
  const { idPrefix, ...field } = props;
  return <Field id={`f-${idPrefix}-${props.name}`} {...field} />;
}
