import { defineErrors } from "../../platform/define-errors";

// Error codes and field error keys that only the reviews module gives.
export const reviewsErrors = defineErrors("reviews", {
  codes: {
    action_not_done: {
      status: 409,
      es: "La evaluación se escribe cuando la acción ya pasó: primero márcala como hecha. No se guardó nada.",
      en: "A review is written once the action has happened: mark it done first. Nothing was saved.",
    },
    action_closed: {
      status: 409,
      es: "Esta acción ya terminó o se canceló: su plan ya no cambia.",
      en: "This action is over or cancelled: its plan no longer changes.",
    },
    lesson_closed: {
      status: 409,
      es: "Esa lección ya se cerró: no aparece en los nuevos planes.",
      en: "That lesson is closed: it doesn't show on new plans.",
    },
    lesson_already_handled: {
      status: 409,
      es: "Esa lección ya se tomó en cuenta en este plan.",
      en: "That lesson was already taken into account on this plan.",
    },
    lesson_not_adopted_enough: {
      status: 409,
      es: "Una lección se cierra cuando ya se adoptó en tres planes. Todavía no llega a tres.",
      en: "A lesson is closed once it has been adopted in three plans. It isn't there yet.",
    },
    level_changed: {
      status: 409,
      es: "Alguien cambió el nivel de esta persona mientras tanto. Recarga la página y vuelve a revisar.",
      en: "Someone changed this person's level in the meantime. Reload the page and look again.",
    },
  },
  fields: {
    review_empty: {
      es: "Escribe al menos una cosa en la evaluación.",
      en: "Write at least one thing in the review.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleErrorCodes {
    reviews: typeof reviewsErrors.codes;
  }
  interface ModuleFieldErrorKeys {
    reviews: typeof reviewsErrors.fields;
  }
}
