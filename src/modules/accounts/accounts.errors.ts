import { defineErrors } from "../../platform/define-errors";

// Field error keys that only the accounts module gives.
export const accountsErrors = defineErrors("accounts", {
  fields: {
    wrong_password: {
      es: "Esa no es tu contraseña actual.",
      en: "That isn't your current password.",
    },
    same_password: {
      es: "La contraseña nueva tiene que ser distinta de la actual.",
      en: "The new password must be different from the current one.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleFieldErrorKeys {
    accounts: typeof accountsErrors.fields;
  }
}
