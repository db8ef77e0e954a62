import { defineErrors } from "../../platform/define-errors";

// Error codes and field error keys that only the people module gives.
export const peopleErrors = defineErrors("people", {
  fields: {
    consent_source_required: {
      es: "Di si lo aceptó en papel o de palabra.",
      en: "Say whether they agreed on paper or out loud.",
    },
    duplicate_email: {
      es: "Ya hay una persona con este correo en tu organización.",
      en: "Someone in your organization already has this email.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleFieldErrorKeys {
    people: typeof peopleErrors.fields;
  }
}
