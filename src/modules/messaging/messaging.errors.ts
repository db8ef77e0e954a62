import { defineErrors } from "../../platform/define-errors";

// Error codes and field error keys that only the messaging module gives.
export const messagingErrors = defineErrors("messaging", {
  codes: {
    approval_required: {
      status: 409,
      es: "Este envío supera el límite de la organización: otra persona organizadora tiene que aprobarlo.",
      en: "This send is above the organization's limit: another organizer has to approve it.",
    },
    no_recipients: {
      status: 422,
      es: "Nadie de este grupo puede recibir el mensaje (sin permiso, dados de baja o sin contacto). Cambia el grupo.",
      en: "Nobody in this group can receive it (no consent, unsubscribed or no contact). Change the group.",
    },
  },
  fields: {
    not_their_contact: {
      es: "Ese correo o teléfono no es de esta persona. Agrégalo primero a su ficha.",
      en: "That email or phone isn't this person's. Add it to their record first.",
    },
    placeholder_mismatch: {
      es: "Los dos idiomas tienen que usar los mismos campos entre llaves, por ejemplo {name} en ambos.",
      en: "Both languages must use the same fields in braces, for example {name} in both.",
    },
    unknown_placeholder: {
      es: "Ese campo entre llaves no existe. Usa {name} u {org}.",
      en: "That field in braces doesn't exist. Use {name} or {org}.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleErrorCodes {
    messaging: typeof messagingErrors.codes;
  }
  interface ModuleFieldErrorKeys {
    messaging: typeof messagingErrors.fields;
  }
}
