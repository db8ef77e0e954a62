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
  },
  en: {
    hearing_subject: (when: string) => `Reminder: court hearing on ${when}`,
    hearing_body: (org: string, when: string) =>
      `${org}: a reminder of the court hearing on ${when}. Please arrive early. If you need a ride or company, reply or talk to the group.`,
  },
});
