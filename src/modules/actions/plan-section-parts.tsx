import type { Child } from "hono/jsx";
import { formatNumber } from "../../platform/i18n";
import {
  ButtonForm,
  Csrf,
  emptyForm,
  type FormState,
  optionsOf,
  Select,
} from "../../platform/ui/forms";
import { PlainList } from "../../platform/ui/lists";
import { actionsText } from "./actions.messages";
import type { PlanForm, PlanPageProps } from "./plan.page";
import { type PersonOption, PersonSelect, PlanField } from "./plan-people";
import type { PlanItemKind } from "./remove-plan-item";

// The pieces every plan-page panel is built from: its frame, its rows (or the line that
// says there are none), the form that adds a row and its fields, and the button that
// removes one.

type FieldOptions = Omit<
  Parameters<typeof PlanField>[0],
  "name" | "label" | "form" | "lang" | "idPrefix"
>;

/**
 * The fields of one panel's form `name`, bound to that form (what was typed, the errors,
 * else `defaults`), the page's language and the id prefix `f-<name>-<field>`.
 */
export function fieldsOf(p: PlanPageProps, name: PlanForm, defaults: Record<string, string> = {}) {
  const given: FormState = p.forms[name] ?? emptyForm();
  const form = { ...given, values: { ...defaults, ...given.values } };
  const idPrefix = name;
  const bound = { form, lang: p.lang, idPrefix };
  return {
    p,
    form,
    text: (name: string, label: string, options: FieldOptions = {}) => (
      <PlanField name={name} label={label} {...bound} {...options} />
    ),
    person: (
      name: string,
      label: string,
      options: { from?: PersonOption[]; optional?: boolean } = {},
    ) => (
      <PersonSelect
        name={name}
        label={label}
        {...bound}
        options={options.from ?? p.pickers.everyone}
        optional={options.optional}
      />
    ),
    /** A select of fixed values (a kind, a status), the typed one or `fallback` selected. */
    choice: <V extends string>(
      name: string,
      label: string,
      values: readonly V[],
      labelOf: (v: V) => string,
      fallback?: V,
    ) => {
      const current = form.values[name] ?? fallback ?? "";
      return (
        <Select
          id={`f-${idPrefix}-${name}`}
          name={name}
          label={label}
          form={{ ...form, values: { ...form.values, [name]: current } }}
          lang={p.lang}
          options={optionsOf(values, labelOf)}
        />
      );
    },
  };
}

export type PlanFields = ReturnType<typeof fieldsOf>;

/** The plan's lists of rows, each called after the kind of its rows. */
type RowKind = "role" | "step" | "material" | "chant" | "pair";

/**
 * A list panel's fields and RowsSection props by the plan's names: kind `role` is the
 * panel #roles of p.plan.roles under t.roles_title (t.roles_empty when there are none),
 * its add form "role" (fields bound as fieldsOf) posting to …/roles under t.add_role.
 */
export function rowsPanel<K extends RowKind>(
  p: PlanPageProps,
  kind: K,
  defaults?: Record<string, string>,
) {
  const t = actionsText[p.lang];
  const f = fieldsOf(p, kind, defaults);
  const list: `${K}s` = `${kind}s`;
  return {
    f,
    panel: {
      id: list,
      title: t[`${list}_title`],
      items: p.plan[list],
      empty: t[`${list}_empty`],
      add: { f, path: list, label: t[`add_${kind}`] },
    },
  };
}

type RowsProps<T> = {
  items: readonly T[];
  empty: string;
  numbered?: boolean;
  class?: string;
  row: (item: T) => Child;
};

/** A panel's rows, or the line that says there are none yet. */
export function Rows<T>(props: RowsProps<T>) {
  return (
    <PlainList
      items={props.items}
      item={props.row}
      none={props.empty}
      class={props.class ? `rows ${props.class}` : "rows"}
      numbered={props.numbered}
    />
  );
}

export function Section(props: { id: string; title: string; children: Child }) {
  return (
    <section class="panel plan-section" id={props.id} aria-labelledby={`${props.id}-h`}>
      <h2 class="panel-title" id={`${props.id}-h`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/**
 * The usual panel: its rows, then the form that adds one (`children`: its fields), open
 * while there are no rows unless `closed`.
 */
export function RowsSection<T>(
  props: RowsProps<T> & {
    id: string;
    title: string;
    add: { f: PlanFields; path: string; label: string; closed?: boolean };
    /** Between the rows and the add form: what acts on the rows already there. */
    between?: Child;
    /** Below the add form: a setting of the whole panel. */
    after?: Child;
    children: Child;
  },
) {
  const { id, title, add, between, after, children, ...rows } = props;
  return (
    <Section id={id} title={title}>
      <Rows {...rows} />
      {between}
      <AddForm
        f={add.f}
        path={add.path}
        label={add.label}
        empty={!add.closed && rows.items.length === 0}
      >
        {children}
      </AddForm>
      {after}
    </Section>
  );
}

/**
 * An add form behind a disclosure (open when it came back with errors, or the list is
 * empty), for the panel whose fields `f` are.
 */
export function AddForm(props: {
  f: PlanFields;
  path: string;
  label: string;
  children: Child;
  empty: boolean;
}) {
  const { p, form } = props.f;
  if (!p.canPlan) return null;
  const open = props.empty || Object.keys(form.errors).length > 0;
  return (
    <details class="disclosure add-form" open={open}>
      <summary>+ {props.label}</summary>
      <form method="post" action={`/actions/${p.plan.event.id}/${props.path}`} novalidate>
        <Csrf token={p.csrf} />
        {props.children}
        <button type="submit" class="primary">
          {props.label}
        </button>
      </form>
    </details>
  );
}

export function RemoveButton(props: {
  p: PlanPageProps;
  kind: PlanItemKind;
  id: string;
  mine: boolean;
}) {
  const { p } = props;
  if (!p.canPlan || !props.mine) return null;
  const t = actionsText[p.lang];
  return (
    <ButtonForm
      action={`/actions/${p.plan.event.id}/${props.kind}/${props.id}/remove`}
      csrf={p.csrf}
      tone="link-button"
    >
      {t.remove}
    </ButtonForm>
  );
}

/** One form for who brings which material (the material picked, then the person). */
export function BringerForm({ p }: { p: PlanPageProps }) {
  const t = actionsText[p.lang];
  const mine = p.plan.materials.filter((m) => m.mine);
  const firstOpen = mine.find((m) => m.bringerPersonId === null)?.id;
  return (
    <form method="post" action={`/actions/${p.plan.event.id}/materials/bringer`} class="row-form">
      <Csrf token={p.csrf} />
      <label for="mb-material">{t.f_material}</label>
      <select id="mb-material" name="material_id" required>
        {mine.map((m) => (
          <option value={m.id} selected={m.id === firstOpen}>
            {m.quantity > 1 ? `${formatNumber(m.quantity, p.lang)} × ` : ""}
            {m.item}
          </option>
        ))}
      </select>
      <label for="mb-person">{t.f_bringer}</label>
      <select id="mb-person" name="bringer_id">
        <option value="">{t.nobody}</option>
        {p.pickers.everyone.map((o) => (
          <option value={o.id}>{o.displayName}</option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t.set_bringer}
      </button>
    </form>
  );
}
