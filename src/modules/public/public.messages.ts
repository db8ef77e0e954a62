import { defineMessages } from "../../platform/i18n";

// The public campaign page: anyone reads it, so Spanish speaks to "usted".
export const publicText = defineMessages("public", {
  es: {
    raised_of_goal: (goal: string) => `recaudados de una meta de ${goal}`,
    progress_label: (raised: string, goal: string, percent: string) =>
      `Se han recaudado ${raised} de una meta de ${goal} (${percent} %)`,
    percent_of_goal: (percent: string) => `${percent} % de la meta`,
    gifts_count: (n: number, formatted: string) =>
      n === 1 ? "1 donativo" : `${formatted} donativos`,
    next_milestone: (target: string, toGo: string) => `Próxima meta: ${target}. Faltan ${toGo}.`,
    next_goal: (toGo: string) => `Faltan ${toGo} para llegar a la meta.`,
    goal_reached: "¡Llegamos a la meta! Gracias a cada persona que dio.",
    milestone_marks: "Las rayas marcan las metas intermedias.",
    story_heading: "La historia",
    case_heading: "Sobre el caso",
    money_heading: "A dónde fue el dinero",
    money_intro: "Cada donativo y cada gasto quedan anotados en nuestro libro de cuentas.",
    purpose_legal_fees: "Honorarios de abogados",
    purpose_bond: "Pagos de fianza",
    purpose_family_support: "Apoyo a la familia",
    purpose_detention_accounts: "Comisaría y llamadas de la persona detenida",
    purpose_other: "Otros gastos",
    on_bond: "Depositado como fianza (se recupera al terminar el caso)",
    forfeited: "Fianza perdida",
    available: "Disponible para el caso",
    nothing_yet: "Todavía no se ha recibido ningún donativo. Puede ser la primera persona en dar.",
    give_heading: "Cómo donar",
    give_online: "Donar en línea",
    give_cash: (org: string) =>
      `En efectivo: entréguelo a cualquier integrante de ${org} en nuestros eventos. Le daremos un recibo.`,
    give_check: (org: string) =>
      `Con cheque: a nombre de ${org}, con el nombre de esta campaña en la nota.`,
    give_private:
      "Su nombre no aparece en esta página. Solo mostramos cuántos donativos hemos recibido.",
    closed_note: "Esta campaña ya no recibe donativos. Gracias a todas las personas que dieron.",
    act_heading: "Tome acción",
    share_heading: "Comparta esta página",
    share_hint: "Copie este enlace y envíelo por mensaje o por correo:",
    flyer_link: "Descargar el volante para imprimir (PDF)",
  },
  en: {
    raised_of_goal: (goal: string) => `raised of a ${goal} goal`,
    progress_label: (raised: string, goal: string, percent: string) =>
      `${raised} raised of a ${goal} goal (${percent}%)`,
    percent_of_goal: (percent: string) => `${percent}% of the goal`,
    gifts_count: (n: number, formatted: string) => (n === 1 ? "1 gift" : `${formatted} gifts`),
    next_milestone: (target: string, toGo: string) => `Next milestone: ${target}. ${toGo} to go.`,
    next_goal: (toGo: string) => `${toGo} to go to reach the goal.`,
    goal_reached: "We reached the goal! Thank you to everyone who gave.",
    milestone_marks: "The marks show the milestones on the way.",
    story_heading: "The story",
    case_heading: "About the case",
    money_heading: "Where the money went",
    money_intro: "Every gift and every payment is written down in our ledger.",
    purpose_legal_fees: "Legal fees",
    purpose_bond: "Bond payments",
    purpose_family_support: "Family support",
    purpose_detention_accounts: "Commissary and calls for the detained person",
    purpose_other: "Other costs",
    on_bond: "Posted as bond (comes back when the case ends)",
    forfeited: "Bond lost",
    available: "Available for the case",
    nothing_yet: "No gifts have come in yet. You can be the first to give.",
    give_heading: "How to give",
    give_online: "Give online",
    give_cash: (org: string) =>
      `Cash: hand it to any member of ${org} at our events. You will get a receipt.`,
    give_check: (org: string) =>
      `By check: payable to ${org}, with this campaign's name in the memo.`,
    give_private: "Your name is not shown on this page. We only show how many gifts came in.",
    closed_note: "This campaign is no longer taking gifts. Thank you to everyone who gave.",
    act_heading: "Take action",
    share_heading: "Share this page",
    share_hint: "Copy this link and send it by text or email:",
    flyer_link: "Download the printable flyer (PDF)",
  },
});
