import { Field } from "../../platform/ui/forms";

// The fields every account form asks the same way: a person's name and a password.

/** A password: `fresh` for a new one (the browser offers to generate and save it). */
export function PasswordField(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  fresh?: boolean;
}) {
  return (
    <Field
      name={props.name}
      type="password"
      label={props.label}
      hint={props.hint}
      required
      autocomplete={props.fresh ? "new-password" : "current-password"}
    />
  );
}

/** The name a person goes by here (the owner's at setup, an invited member's). */
export function PersonNameField(props: { name: string; label: string; hint: string }) {
  return (
    <Field
      name={props.name}
      label={props.label}
      hint={props.hint}
      required
      maxlength={120}
      autocomplete="name"
    />
  );
}
