import { defineMessages } from "../../platform/i18n";

// Public pages speak to visitors with "usted".
export const advocacyPublicText = defineMessages("advocacy-public", {
  es: {
    section_title: "Cómo puede ayudar hoy",
    where_call: "A dónde llamar",
    where_visit: "A dónde ir",
    call: "Llamar al",
    call_number: (phone: string, place: string) => `Llamar al ${phone} (${place})`,
    address: "Dirección",
    hours: "Horario",
    script_title: "Qué decir",
    script_other: "Ver el guion en inglés",
    called_call: "Ya llamé",
    called_visit: "Ya fui de visita",
    called_hint:
      "Cuando termine, toque el botón: solo sumamos uno al conteo. No guardamos ningún dato suyo.",
    thanks_call: "¡Gracias! Su llamada quedó contada.",
    thanks_visit: "¡Gracias! Su visita quedó contada.",
    thanks_title: "¡Gracias!",
    thanks_generic: "Lo sumamos al conteo. No guardamos ningún dato suyo.",
    limit_title: "Gracias por insistir",
    limit_body:
      "Ya contamos 10 llamadas desde esta conexión en la última hora para esta campaña. Si hizo más, vuelva a marcarlas dentro de un rato.",
    back: "Volver a la campaña",
    confirm_call:
      "Gracias por llamar. Toque el botón para sumar su llamada al conteo. No guardamos ningún dato suyo: ni su nombre, ni su número, ni su dirección de internet.",
    confirm_visit:
      "Gracias por ir. Toque el botón para sumar su visita al conteo. No guardamos ningún dato suyo: ni su nombre, ni su número, ni su dirección de internet.",
    confirm_call_button: "Sí, ya llamé",
    confirm_visit_button: "Sí, ya fui",
    not_yet: "Todavía no: volver a la campaña",
    counted_call: (n: number, formatted: string) =>
      n === 0
        ? "Sea la primera persona en llamar."
        : n === 1
          ? "1 persona ya llamó."
          : `${formatted} personas ya llamaron.`,
    counted_visit: (n: number, formatted: string) =>
      n === 0
        ? "Sea la primera persona en ir."
        : n === 1
          ? "1 persona ya fue."
          : `${formatted} personas ya fueron.`,
  },
  en: {
    section_title: "How you can help today",
    where_call: "Where to call",
    where_visit: "Where to go",
    call: "Dial",
    call_number: (phone: string, place: string) => `Dial ${phone} (${place})`,
    address: "Address",
    hours: "Hours",
    script_title: "What to say",
    script_other: "See the script in Spanish",
    called_call: "I called",
    called_visit: "I visited",
    called_hint:
      "When you're done, tap the button: we only add one to the count. We keep no data about you.",
    thanks_call: "Thank you! Your call was counted.",
    thanks_visit: "Thank you! Your visit was counted.",
    thanks_title: "Thank you!",
    thanks_generic: "We added it to the count. We keep no data about you.",
    limit_title: "Thank you for keeping at it",
    limit_body:
      "We've already counted 10 calls from this connection in the last hour for this campaign. If you made more, mark them again in a little while.",
    back: "Back to the campaign",
    confirm_call:
      "Thank you for calling. Tap the button to add your call to the count. We keep no data about you: not your name, your number or your internet address.",
    confirm_visit:
      "Thank you for going. Tap the button to add your visit to the count. We keep no data about you: not your name, your number or your internet address.",
    confirm_call_button: "Yes, I called",
    confirm_visit_button: "Yes, I went",
    not_yet: "Not yet: back to the campaign",
    counted_call: (n: number, formatted: string) =>
      n === 0
        ? "Be the first to call."
        : n === 1
          ? "1 person has called."
          : `${formatted} people have called.`,
    counted_visit: (n: number, formatted: string) =>
      n === 0
        ? "Be the first to go."
        : n === 1
          ? "1 person has gone."
          : `${formatted} people have gone.`,
  },
});
