import { defineErrors } from "../../platform/define-errors";

// Error codes and field error keys that only the funds module gives.
export const fundsErrors = defineErrors("funds", {
  codes: {
    insufficient_funds: {
      status: 409,
      es: "No alcanza el dinero disponible en esta campaña para ese movimiento. No se registró nada.",
      en: "This campaign doesn't have enough money available for that. Nothing was recorded.",
    },
    bond_settled: {
      status: 409,
      es: "Esta fianza ya se cerró (devuelta o perdida). No se registró nada.",
      en: "This bond is already closed (returned or forfeited). Nothing was recorded.",
    },
    idempotency_key_reused: {
      status: 422,
      es: "Esa clave de idempotencia ya se usó para otro donativo (otra campaña, cantidad o datos). Usa una clave nueva para un donativo nuevo.",
      en: "That idempotency key was already used for a different gift (another campaign, amount or details). Use a new key for a new gift.",
    },
    file_too_large: {
      status: 413,
      es: "El archivo pesa más de 5 MB. Divídelo en partes más pequeñas (por ejemplo, por mes) y súbelas una por una. No se guardó nada.",
      en: "The file is larger than 5 MB. Split it into smaller files (for example, by month) and upload them one at a time. Nothing was saved.",
    },
    import_has_problems: {
      status: 422,
      es: "El archivo tiene líneas con problemas. Corrígelas y vuelve a subirlo; no se registró nada.",
      en: "Some lines of the file have problems. Fix them and upload it again; nothing was recorded.",
    },
    stripe_refund_failed: {
      status: 409,
      es: "Stripe no hizo el reembolso (o Stripe no está configurado). No se registró nada; inténtalo más tarde o reembolsa desde el panel de Stripe.",
      en: "Stripe did not make the refund (or Stripe isn't set up). Nothing was recorded; try again later or refund from the Stripe dashboard.",
    },
    preview_changed: {
      status: 409,
      es: "La vista previa cambió (quizás en otra pestaña). Revísala otra vez antes de registrar; no se registró nada.",
      en: "The preview changed (perhaps in another tab). Look at it again before recording; nothing was recorded.",
    },
  },
  fields: {
    currency_mismatch: {
      es: "La moneda no coincide con la de la campaña.",
      en: "The currency doesn't match the campaign's.",
    },
    currency_locked: {
      es: "La campaña ya tiene movimientos: su moneda ya no se puede cambiar.",
      en: "This campaign already has movements: its currency can't change now.",
    },
    interest_above_principal: {
      es: "Los intereses no pueden ser más que la fianza misma. Revisa la cantidad.",
      en: "Interest can't be more than the bond itself. Check the amount.",
    },
    milestones_invalid: {
      es: "Escribe metas intermedias de menor a mayor, todas por debajo de la meta final.",
      en: "Enter milestones from smallest to largest, all below the final goal.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleErrorCodes {
    funds: typeof fundsErrors.codes;
  }
  interface ModuleFieldErrorKeys {
    funds: typeof fundsErrors.fields;
  }
}
