import type { Child, PropsWithChildren } from "hono/jsx";

// The frame of one form control, staff or public: its label, hint and error, tied to the
// control by ids (`<id>-hint`, `<id>-error`) for screen readers. forms.tsx's fields and
// public-fields.tsx's are built on it, and so is a page's own control (a file, a field of
// one form among many).

/** The classes of a frame: the staff pages' (app.css) or the public site's (public.css). */
const LOOKS = {
  staff: {
    box: (bad: boolean) => `field ${bad ? "has-error" : ""}`,
    hint: "hint",
    error: "error",
  },
  public: {
    box: (bad: boolean) => (bad ? "pub-field pub-has-error" : "pub-field"),
    hint: "pub-muted",
    error: "pub-error",
  },
} as const;

export type FieldFrameProps = {
  /** The control's id; the hint's and error's are `<id>-hint` and `<id>-error`. */
  id: string;
  label: Child;
  hint?: Child;
  /** The error already in words. */
  error?: Child;
  /** Announce the error when the page loads (a one-field form). */
  alert?: boolean;
  look?: keyof typeof LOOKS;
};

/** Label, hint and error around one control. */
export function FieldBox(props: PropsWithChildren<FieldFrameProps>) {
  const look = LOOKS[props.look ?? "staff"];
  return (
    <div class={look.box(Boolean(props.error))}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class={look.hint} id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class={look.error} id={`${props.id}-error`} role={props.alert ? "alert" : undefined}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

/** aria-invalid and aria-describedby of the control in a frame. */
export function fieldAria(props: { id: string; hint?: Child; error?: Child }) {
  const describedBy = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return {
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

/**
 * A group of controls under its legend and hint (the checkboxes of a team, a week's
 * hours), marked when `bad`; `error`, the words of what is wrong, under the hint.
 */
export function FieldSet(
  props: PropsWithChildren<{
    legend: Child;
    hint: Child;
    bad: boolean;
    error?: Child;
    class?: string;
  }>,
) {
  const extra = props.class ? `${props.class} ` : "";
  return (
    <fieldset class={`field ${extra}${props.bad ? "has-error" : ""}`}>
      <legend>{props.legend}</legend>
      <p class="hint">{props.hint}</p>
      {props.error && <p class="error">{props.error}</p>}
      {props.children}
    </fieldset>
  );
}

/** One checkbox and its label. */
export function CheckItem(props: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  label: Child;
}) {
  return (
    <div class="check">
      <input
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}
