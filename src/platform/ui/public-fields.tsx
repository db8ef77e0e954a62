import type { PropsWithChildren } from "hono/jsx";
import { FieldBox, type FieldFrameProps, fieldAria } from "./field-frame";

// The fields of the public site's forms (a pledge, an RSVP, a gift): the public CSS's
// classes, the error already in words (each form says its own), the ids that tie
// label, hint and error to the control for screen readers.

type Frame = Omit<FieldFrameProps, "look">;

/** Label, hint and error around one control of a public form. */
export function PublicFrame(props: PropsWithChildren<Frame>) {
  return <FieldBox {...props} look="public" />;
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
        {...fieldAria(props)}
      />
    </PublicFrame>
  );
}
