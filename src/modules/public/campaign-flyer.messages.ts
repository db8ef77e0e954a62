import { counted, defineMessages } from "../../platform/i18n";

// A campaign's printed flyer carries both languages on one page, so both catalogs are used at once.
export const flyerText = defineMessages("flyer", {
  es: {
    raised_of_goal: (goal: string) => `recaudados de una meta de ${goal}`,
    percent_of_goal: (percent: string) => `${percent} % de la meta`,
    gifts_count: counted("es", { one: "1 donativo", other: (n) => `${n} donativos` }),
    goal_reached: "¡Llegamos a la meta!",
    give_heading: "Cómo donar",
    give_cash:
      "En efectivo o con cheque: con cualquier persona de nuestro equipo. Le daremos un recibo.",
    closed: "Esta campaña ya no recibe donativos. ¡Gracias!",
    scan: "Escanee para ver la página",
    scan_give: "Escanee para donar en línea",
    goal_only: (goal: string) => `Meta: ${goal}`,
    story_other_column: "La historia está escrita en inglés, en la otra columna.",
  },
  en: {
    raised_of_goal: (goal: string) => `raised of a ${goal} goal`,
    percent_of_goal: (percent: string) => `${percent}% of the goal`,
    gifts_count: counted("en", { one: "1 gift", other: (n) => `${n} gifts` }),
    goal_reached: "We reached the goal!",
    give_heading: "How to give",
    give_cash: "Cash or check: with anyone on our team. You will get a receipt.",
    closed: "This campaign is no longer taking gifts. Thank you!",
    scan: "Scan to see the page",
    scan_give: "Scan to give online",
    goal_only: (goal: string) => `Goal: ${goal}`,
    story_other_column: "The story is written in Spanish, in the other column.",
  },
});
