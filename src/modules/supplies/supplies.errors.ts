import { defineErrors } from "../../platform/define-errors";

// Error codes and field error keys that only the supplies module gives.
export const suppliesErrors = defineErrors("supplies", {
  codes: {
    not_enough_stock: {
      status: 409,
      es: "No hay tanto en existencia para eso (no puede salir más de lo que llegó). No se anotó nada.",
      en: "There isn't that much on hand (nothing can go out that didn't come in). Nothing was recorded.",
    },
    drive_closed: {
      status: 409,
      es: "Esta colecta ya cerró y no recibe promesas. No se anotó nada.",
      en: "This drive has closed and takes no more pledges. Nothing was recorded.",
    },
  },
  fields: {
    quantity_not_a_number: {
      es: "Escribe un número, por ejemplo 3.",
      en: "Enter a number, for example 3.",
    },
    quantity_not_positive: {
      es: "La cantidad tiene que ser mayor que cero.",
      en: "The quantity must be more than zero.",
    },
    quantity_fraction: {
      es: "Esta cosa se cuenta entera: escribe un número sin decimales.",
      en: "This item is counted whole: enter a number without decimals.",
    },
    quantity_too_precise: {
      es: "Usa como mucho tres decimales.",
      en: "Use at most three decimals.",
    },
    quantity_too_large: {
      es: "Es una cantidad demasiado grande (hasta 1,000,000).",
      en: "That quantity is too large (up to 1,000,000).",
    },
    more_than_on_hand: {
      es: "No hay tanto en existencia. Revisa la cantidad o el punto de entrega.",
      en: "There isn't that much on hand. Check the quantity or the drop-off point.",
    },
    more_than_needed: {
      es: "Es más de lo que todavía falta. Escribe una cantidad menor.",
      en: "That's more than is still needed. Enter a smaller amount.",
    },
    point_inactive: {
      es: "Ese punto de entrega ya no recibe. Elige otro.",
      en: "That drop-off point is no longer receiving. Choose another.",
    },
    ends_before_start: {
      es: "La fecha de fin va después de la de inicio.",
      en: "The end date comes after the start date.",
    },
    consent_required: {
      es: "Hace falta el consentimiento para guardar el contacto.",
      en: "Consent is needed to keep the contact details.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleErrorCodes {
    supplies: typeof suppliesErrors.codes;
  }
  interface ModuleFieldErrorKeys {
    supplies: typeof suppliesErrors.fields;
  }
}
