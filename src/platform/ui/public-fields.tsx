import type { Child, PropsWithChildren } from "hono/jsx";

// The fields of the public site's forms (a pledge, an RSVP, a gift): the public CSS's
// classes, the error already in words (each form says its own), the ids that tie
// label, hint and error to the control for screen readers.

type Frame = {
  /** The control's id; the hint's and error's are `<id>-hint` and `<id>-error`. */
  id: string;
  label: Child;
  hint?: Child;
  error?: Child;
  /** Announce the error when the page loads (a one-field form). */
  alert?: boolean;
};

/** aria-invalid and aria-describedby of a public form's control. */
export function publicAria(props: { id: string; hint?: Child; error?: Child }) {
  const describedBy = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return {
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

/** Label, hint and error around one control of a public form. */
export function PublicFrame(props: PropsWithChildren<Frame>) {
  return (
    <div class={props.error ? "pub-field pub-has-error" : "pub-field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="pub-muted" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="pub-error" id={`${props.id}-error`} role={props.alert ? "alert" : undefined}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

/** A text input of a public form in its frame. */
export function PublicInput(
  given: Omit<Frame, "id"> & {
    /** The input's id when it is not its name. */
    id?: string;
    name: string;
    value: string | undefined;
    type?: "text" | "email" | "tel" | "date";
    autocomplete?: string;
    inputmode?: "decimal" | "numeric";
    maxlength?: number;
    required?: boolean;
  },
) {
  const props = { ...given, id: given.id ?? given.name };
  return (
    <PublicFrame {...props}>
      <input
        id={props.id}
        name={props.name}
        type={props.type}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        value={props.value ?? ""}
        {...publicAria(props)}
      />
    </PublicFrame>
  );
}
