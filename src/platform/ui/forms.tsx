import { type Child, createContext, type PropsWithChildren, useContext } from "hono/jsx";
import { common } from "../common.messages";
import type { FieldErrors } from "../errors";
import { LANGS, type Lang } from "../i18n";
import { CheckItem, FieldBox, fieldAria } from "./field-frame";

export type FormState = {
  values: Record<string, string>;
  errors: FieldErrors;
  /**
   * Put the cursor in the first field with an error when the page loads: on a long page
   * (a campaign's gift form far down) the person lands on what to fix, not at the top.
   */
  focusError?: boolean;
};

export const emptyForm = (values: Record<string, string> = {}): FormState => ({
  values,
  errors: {},
});

/** The form and language a field reads its value, error and texts from. */
type Bound = { form: FormState; lang: Lang };
const FormContext = createContext<Bound | null>(null);

/**
 * A field's form and language: given to it, or from the <Form> around it (so a page
 * doesn't repeat `form={form} lang={lang}` on every field).
 */
function bound(props: { form?: FormState | undefined; lang?: Lang | undefined }): Bound {
  const around = useContext(FormContext);
  const form = props.form ?? around?.form;
  const lang = props.lang ?? around?.lang;
  if (!form || !lang) throw new Error("a form field needs its form and language: put it in <Form>");
  return { form, lang };
}

/** A group of a form's fields in a panel, under its title and what it is for. */
export function FormPanel(
  props: PropsWithChildren<{ title?: Child; hint?: Child; class?: string }>,
) {
  return (
    <div class={props.class ? `panel ${props.class}` : "panel"}>
      {props.title && <h2 class="panel-title">{props.title}</h2>}
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.children}
    </div>
  );
}

/** A POST form with its CSRF token; the fields inside read `form` and `lang` from it. */
export function Form(
  props: PropsWithChildren<
    Bound & {
      action: string;
      csrf: string;
      id?: string;
      class?: string;
      enctype?: "multipart/form-data" | undefined;
      /** Let the browser check `required` before sending (the server checks either way). */
      browserChecks?: boolean;
    }
  >,
) {
  return (
    <form
      method="post"
      action={props.action}
      id={props.id}
      class={props.class}
      enctype={props.enctype}
      novalidate={!props.browserChecks}
    >
      <Csrf token={props.csrf} />
      <FormContext.Provider value={{ form: props.form, lang: props.lang }}>
        {props.children}
      </FormContext.Provider>
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  /** The control's id when `f-<name>` is not unique (several forms on one page share names). */
  id?: string;
  form?: FormState;
  lang?: Lang;
  type?: "text" | "email" | "tel" | "password" | "date" | "search" | "time";
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  inputmode?: "text" | "numeric" | "decimal" | "tel" | "email";
};

/** A field's frame (field-frame.tsx): its label, marked when optional, hint and error. */
function FieldFrame(
  props: PropsWithChildren<{
    name: string;
    label: string;
    id?: string;
    form?: FormState;
    lang?: Lang;
    hint?: string;
    required?: boolean;
  }>,
) {
  const { form, lang } = bound(props);
  const t = common[lang];
  const error = form.errors[props.name];
  const label = (
    <>
      {props.label}
      {!props.required && <span class="optional"> ({t.optional})</span>}
    </>
  );
  return (
    <FieldBox
      id={props.id ?? `f-${props.name}`}
      label={label}
      hint={props.hint}
      error={error && t[`field_${error}`]}
    >
      {props.children}
    </FieldBox>
  );
}

function controlAria(props: { name: string; id?: string; hint?: string; form?: FormState }) {
  const id = props.id ?? `f-${props.name}`;
  const { form } = bound(props);
  const error = form.errors[props.name];
  const first = form.focusError && Object.keys(form.errors)[0] === props.name;
  return {
    id,
    ...fieldAria({ id, hint: props.hint, error }),
    autofocus: first || undefined,
  };
}

export function Field(props: FieldProps) {
  return (
    <FieldFrame {...props}>
      <input
        {...controlAria(props)}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? "" : (bound(props).form.values[props.name] ?? "")}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
      />
    </FieldFrame>
  );
}

/** The `phones` field that `phoneList` (platform/fields.ts) reads: numbers separated by commas. */
export function PhonesField(props: { label: string; hint: string }) {
  return (
    <Field name="phones" label={props.label} hint={props.hint} inputmode="tel" autocomplete="off" />
  );
}

export function TextArea(props: Omit<FieldProps, "type" | "autocomplete" | "inputmode">) {
  return (
    <FieldFrame {...props}>
      <textarea {...controlAria(props)} name={props.name} rows={4} maxlength={props.maxlength}>
        {bound(props).form.values[props.name] ?? ""}
      </textarea>
    </FieldFrame>
  );
}

/** A select's options: each of `values`, called by `label`. */
export function optionsOf<V extends string>(values: readonly V[], label: (value: V) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}

/** The languages the app speaks, as a select's options, each called by `name`. */
export function languageOptions(name: (lang: Lang) => string) {
  return optionsOf(LANGS, name);
}

export function Select(
  props: Omit<FieldProps, "type" | "autocomplete" | "inputmode" | "maxlength"> & {
    options: readonly { value: string; label: string }[];
    /** A first choice with an empty value: "none", "any", "choose…". */
    blank?: string;
  },
) {
  const current = bound(props).form.values[props.name] ?? "";
  const options =
    props.blank === undefined
      ? props.options
      : [{ value: "", label: props.blank }, ...props.options];
  // A select always has a value, so its label never says "(optional)".
  return (
    <FieldFrame {...props} required>
      <select {...controlAria(props)} name={props.name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox(props: { name: string; label: string; form?: FormState }) {
  const id = `f-${props.name}`;
  const form = props.form ?? useContext(FormContext)?.form;
  if (!form) throw new Error("a checkbox needs its form: put it in <Form>");
  return (
    <CheckItem
      id={id}
      name={props.name}
      value="on"
      checked={form.values[props.name] === "on"}
      label={props.label}
    />
  );
}

/** Shown above a form that failed: one sentence, focusable, announced. */
export function FormAlert(props: { form: FormState; lang: Lang; message?: Child }) {
  if (!props.message && Object.keys(props.form.errors).length === 0) return null;
  return (
    <div class="alert alert-error" role="alert">
      {props.message ?? common[props.lang].error_validation_failed}
    </div>
  );
}

export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function Actions(props: PropsWithChildren) {
  return <div class="form-actions">{props.children}</div>;
}

/** The one primary action of a form; anything beside it (a way back) as children. */
export function Submit(props: PropsWithChildren<{ label: Child }>) {
  return (
    <div class="form-actions">
      <button type="submit" class="primary">
        {props.label}
      </button>
      {props.children}
    </div>
  );
}

/** The one primary action of a form, and a way back without saving. */
export function SubmitOrCancel(props: { lang: Lang; label: Child; cancelHref: string }) {
  return (
    <Submit label={props.label}>
      <a href={props.cancelHref}>{common[props.lang].cancel}</a>
    </Submit>
  );
}

/**
 * A form folded under its summary (a panel's "record a gift", "add a need"), open when it
 * came back with errors or when the page asks; one primary button. `alert` is the message
 * above it on errors (the usual one when not given; `false`: none, the fields say it).
 */
export function DisclosureForm(
  props: PropsWithChildren<
    Bound & {
      summary: Child;
      open: boolean;
      action: string;
      csrf: string;
      submit: Child;
      alert?: Child | false;
      id?: string;
      browserChecks?: boolean;
    }
  >,
) {
  const { summary, open, submit, alert, children, ...form } = props;
  return (
    <details class="disclosure" open={open}>
      <summary>{summary}</summary>
      {alert !== false && <FormAlert form={form.form} lang={form.lang} message={alert} />}
      <Form {...form}>
        {children}
        <Submit label={submit} />
      </Form>
    </details>
  );
}

/**
 * One button that posts (close a lesson, mark a follow-up done, confirm a level): an
 * inline form with its CSRF token and the hidden fields the action needs.
 */
export function ButtonForm(
  props: PropsWithChildren<{
    action: string;
    csrf: string;
    hidden?: Record<string, string>;
    /** The button's look; "link-button" for a small one in a row (remove). */
    tone?: "primary" | "secondary" | "link-button";
    title?: string;
    /** A form on a line of its own, not inline in a row. */
    block?: boolean;
  }>,
) {
  return (
    <form method="post" action={props.action} class={props.block ? undefined : "inline"}>
      <Csrf token={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.tone ?? "secondary"} title={props.title}>
        {props.children}
      </button>
    </form>
  );
}
