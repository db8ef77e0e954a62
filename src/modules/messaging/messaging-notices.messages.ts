import { defineMessages } from "../../platform/i18n";

// What Amparo itself sends to a contact point (stop confirmations, help replies).
// People outside the group read these: "usted".
export const noticeText = defineMessages("messaging-notices", {
  es: {
    stop_sms: (org: string) =>
      `${org}: ya no le enviaremos mensajes a este número. Si cambia de opinión, responda START.`,
    help_sms: (org: string) =>
      `${org}: mensajes de recordatorio y avisos del grupo. Para dejar de recibirlos, responda ALTO o STOP.`,
    stop_email_subject: (org: string) => `${org}: ya no recibirá nuestros correos`,
    stop_email_body: (org: string) =>
      `Recibimos su solicitud: ${org} ya no le enviará correos a esta dirección.\n\nSi fue un error, pida a una persona del grupo que lo vuelva a anotar.`,
  },
  en: {
    stop_sms: (org: string) =>
      `${org}: you won't get more messages at this number. If you change your mind, reply START.`,
    help_sms: (org: string) =>
      `${org}: reminders and notices from the group. To stop them, reply STOP or ALTO.`,
    stop_email_subject: (org: string) => `${org}: you won't get our emails anymore`,
    stop_email_body: (org: string) =>
      `We got your request: ${org} won't email this address anymore.\n\nIf this was a mistake, ask someone in the group to add you again.`,
  },
});

export const reminderText = defineMessages("messaging-reminders", {
  es: {
    hearing_subject: (when: string) => `Recordatorio: audiencia el ${when}`,
    hearing_body: (org: string, when: string) =>
      `${org}: le recordamos la audiencia en la corte el ${when}. Llegue con tiempo. Si necesita transporte o compañía, responda a este mensaje o hable con el grupo.`,
    hearing_moved_subject: (when: string) => `Cambió la audiencia: ahora el ${when}`,
    hearing_moved_body: (org: string, when: string, court: string | null) =>
      `${org}: la audiencia en la corte cambió. Ahora es el ${when}${court ? ` en ${court}` : ""}. Los recordatorios anteriores ya no valen; le enviaremos nuevos. Si tiene dudas, confírmelo con su abogado(a) o con el grupo.`,
    hearing_cancelled_subject: (when: string) => `Audiencia cancelada: ${when}`,
    hearing_cancelled_body: (org: string, when: string) =>
      `${org}: nos informaron que la audiencia en la corte del ${when} se canceló. Antes de dejar de ir, confírmelo con su abogado(a) o con el grupo. Le avisaremos cuando haya nueva fecha.`,
  },
  en: {
    hearing_subject: (when: string) => `Reminder: court hearing on ${when}`,
    hearing_body: (org: string, when: string) =>
      `${org}: a reminder of the court hearing on ${when}. Please arrive early. If you need a ride or company, reply or talk to the group.`,
    hearing_moved_subject: (when: string) => `Hearing rescheduled: now on ${when}`,
    hearing_moved_body: (org: string, when: string, court: string | null) =>
      `${org}: the court hearing has changed. It is now on ${when}${court ? ` at ${court}` : ""}. Earlier reminders no longer apply; we'll send new ones. If in doubt, check with your lawyer or the group.`,
    hearing_cancelled_subject: (when: string) => `Hearing cancelled: ${when}`,
    hearing_cancelled_body: (org: string, when: string) =>
      `${org}: we were told the court hearing on ${when} was cancelled. Before you stop planning to go, check with your lawyer or the group. We'll let you know when there is a new date.`,
  },
});

type ActionWords = { org: string; title: string; when: string; place: string | null };
const at = (place: string | null, word: string) => (place ? ` ${word} ${place}` : "");

// Action confirmations, reminders and notices (issue 12): to people who said "going".
export const actionNoticeText = defineMessages("messaging-action-notices", {
  es: {
    confirmation_subject: (a: ActionWords) => `Confirmación: ${a.title}`,
    confirmation_body: (a: ActionWords) =>
      `${a.org}: gracias por apuntarse a «${a.title}», el ${a.when}${at(a.place, "en")}. Le recordaremos el día antes.`,
    day_before_subject: (a: ActionWords) => `Mañana: ${a.title}`,
    day_before_body: (a: ActionWords) =>
      `${a.org}: mañana es «${a.title}», el ${a.when}${at(a.place, "en")}. ¡Le esperamos!`,
    morning_of_subject: (a: ActionWords) => `Hoy: ${a.title}`,
    morning_of_body: (a: ActionWords) =>
      `${a.org}: hoy es «${a.title}», el ${a.when}${at(a.place, "en")}. ¡Nos vemos!`,
    changed_subject: (a: ActionWords) => `Cambio: ${a.title}`,
    changed_body: (a: ActionWords) =>
      `${a.org}: cambió «${a.title}». Ahora es el ${a.when}${at(a.place, "en")}. Si ya no puede venir, avísenos.`,
    cancelled_subject: (a: ActionWords) => `Cancelada: ${a.title}`,
    cancelled_body: (a: ActionWords) =>
      `${a.org}: se canceló «${a.title}» del ${a.when}. Disculpe las molestias; le avisaremos de la próxima.`,
  },
  en: {
    confirmation_subject: (a: ActionWords) => `You're in: ${a.title}`,
    confirmation_body: (a: ActionWords) =>
      `${a.org}: thanks for signing up for "${a.title}" on ${a.when}${at(a.place, "at")}. We'll remind you the day before.`,
    day_before_subject: (a: ActionWords) => `Tomorrow: ${a.title}`,
    day_before_body: (a: ActionWords) =>
      `${a.org}: "${a.title}" is tomorrow, ${a.when}${at(a.place, "at")}. See you there!`,
    morning_of_subject: (a: ActionWords) => `Today: ${a.title}`,
    morning_of_body: (a: ActionWords) =>
      `${a.org}: "${a.title}" is today, ${a.when}${at(a.place, "at")}. See you there!`,
    changed_subject: (a: ActionWords) => `Changed: ${a.title}`,
    changed_body: (a: ActionWords) =>
      `${a.org}: "${a.title}" has changed. It is now on ${a.when}${at(a.place, "at")}. If you can't make it anymore, let us know.`,
    cancelled_subject: (a: ActionWords) => `Cancelled: ${a.title}`,
    cancelled_body: (a: ActionWords) =>
      `${a.org}: "${a.title}" on ${a.when} is cancelled. Sorry for the trouble; we'll tell you about the next one.`,
  },
});
