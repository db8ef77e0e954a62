import { defineErrors } from "../../platform/define-errors";

// Error codes and field error keys that only the defense module gives.
export const defenseErrors = defineErrors("defense", {
  fields: {
    invalid_a_number: {
      es: "El número A (A-number) tiene 8 o 9 dígitos, por ejemplo A-012-345-678. Sin letras.",
      en: "An A-number has 8 or 9 digits, for example A-012-345-678. No letters.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleFieldErrorKeys {
    defense: typeof defenseErrors.fields;
  }
}
