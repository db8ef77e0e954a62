import type { Child, PropsWithChildren } from "hono/jsx";
import { common } from "../common.messages";
import type { FieldErrors } from "../errors";
import type { Lang } from "../i18n";

export type FormState = {
  values: Record<string, string>;
  errors: FieldErrors;
};

export const emptyForm = (values: Record<string, string> = {}): FormState => ({
  values,
  errors: {},
});

type FieldProps = {
  name: string;
  label: string;
  form: FormState;
  lang: Lang;
  type?: "text" | "email" | "tel" | "password" | "date" | "search" | "time";
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  inputmode?: "text" | "numeric" | "decimal" | "tel" | "email";
};

/** Label, hint and error around one control; the ids tie them together for screen readers. */
function FieldFrame(
  props: PropsWithChildren<{
    name: string;
    label: string;
    form: FormState;
    lang: Lang;
    hint?: string;
    required?: boolean;
  }>,
) {
  const t = common[props.lang];
  const error = props.form.errors[props.name];
  const id = `f-${props.name}`;
  return (
    <div class={`field ${error ? "has-error" : ""}`}>
      <label for={id}>
        {props.label}
        {!props.required && <span class="optional"> ({t.optional})</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {t[`field_${error}`]}
        </p>
      )}
      {props.children}
    </div>
  );
}

function controlAria(props: { name: string; hint?: string; form: FormState }) {
  const id = `f-${props.name}`;
  const error = props.form.errors[props.name];
  const describedBy = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export function Field(props: FieldProps) {
  return (
    <FieldFrame {...props}>
      <input
        {...controlAria(props)}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? "" : (props.form.values[props.name] ?? "")}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
      />
    </FieldFrame>
  );
}

export function TextArea(props: Omit<FieldProps, "type" | "autocomplete" | "inputmode">) {
  return (
    <FieldFrame {...props}>
      <textarea {...controlAria(props)} name={props.name} rows={4} maxlength={props.maxlength}>
        {props.form.values[props.name] ?? ""}
      </textarea>
    </FieldFrame>
  );
}

export function Select(
  props: Omit<FieldProps, "type" | "autocomplete" | "inputmode" | "maxlength"> & {
    options: { value: string; label: string }[];
  },
) {
  const error = props.form.errors[props.name];
  const id = `f-${props.name}`;
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
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; form: FormState }) {
  const id = `f-${props.name}`;
  return (
    <div class="check">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value="on"
        checked={props.form.values[props.name] === "on"}
      />
      <label for={id}>{props.label}</label>
    </div>
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

/** The one primary action of a form, and a way back without saving. */
export function SubmitOrCancel(props: { lang: Lang; label: Child; cancelHref: string }) {
  return (
    <div class="form-actions">
      <button type="submit" class="primary">
        {props.label}
      </button>
      <a href={props.cancelHref}>{common[props.lang].cancel}</a>
    </div>
  );
}
