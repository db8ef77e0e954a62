import { defineMessages } from "../../platform/i18n";

// The unsubscribe page: someone outside the group reads it ("usted").
export const unsubscribeText = defineMessages("messaging-public", {
  es: {
    title: "Dejar de recibir correos",
    description: "Deje de recibir correos de este grupo con un solo botón.",
    ask: "¿Quiere dejar de recibir correos de este grupo en esta dirección? Con un toque dejamos de enviarle avisos y recordatorios.",
    button: "Sí, no quiero más correos",
    done_title: "Listo",
    done: "Ya no le enviaremos correos a esta dirección. Le mandamos una sola confirmación.",
    already: "Esta dirección ya estaba dada de baja. No le enviaremos nada más.",
    unknown:
      "Este enlace no es válido o ya venció. Si sigue recibiendo correos, responda a uno de ellos y pida que lo den de baja.",
  },
  en: {
    title: "Stop getting emails",
    description: "Stop getting emails from this group with one button.",
    ask: "Do you want to stop getting emails from this group at this address? One tap and we stop sending you notices and reminders.",
    button: "Yes, no more emails",
    done_title: "Done",
    done: "We won't email this address anymore. We sent you one confirmation.",
    already: "This address was already unsubscribed. We won't send anything else.",
    unknown:
      "This link isn't valid or has expired. If you still get emails, reply to one and ask to be removed.",
  },
});
