import { defineErrors } from "../../platform/define-errors";

// Field error keys that only the actions module gives.
export const actionsErrors = defineErrors("actions", {
  fields: {
    end_before_start: {
      es: "El final tiene que ser después del inicio.",
      en: "The end has to be after the start.",
    },
    person_not_found: {
      es: "No encontramos a esa persona en tu organización.",
      en: "We couldn't find that person in your organization.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleFieldErrorKeys {
    actions: typeof actionsErrors.fields;
  }
}
