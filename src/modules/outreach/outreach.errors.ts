import { defineErrors } from "../../platform/define-errors";

// Field error keys that only the outreach module gives.
export const outreachErrors = defineErrors("outreach", {
  fields: {
    not_found_choice: {
      es: "No encontramos eso en tu organización. Elige de la lista.",
      en: "We couldn't find that in your organization. Choose from the list.",
    },
    outcomes_exceed: {
      es: "Receptivas + neutrales + sin interés no puede pasar del número de conversaciones.",
      en: "Receptive + neutral + not interested can't be more than the conversations.",
    },
    contact_required: {
      es: "Escribe un teléfono o un correo para poder contactarle.",
      en: "Enter a phone or an email so they can be contacted.",
    },
    already_signed_up: {
      es: "Esa persona ya estaba anotada en este turno.",
      en: "That person was already on this shift's sign-ups.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleFieldErrorKeys {
    outreach: typeof outreachErrors.fields;
  }
}
