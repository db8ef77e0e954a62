import { defineMessages } from "../../platform/i18n";

// "Give online": public pages, so Spanish speaks to "usted".
export const giveText = defineMessages("funds-give", {
  es: {
    title: "Donar en línea",
    heading: (campaign: string) => `Donar en línea a «${campaign}»`,
    how: "Elija cuánto quiere donar. Le llevaremos a Stripe, un servicio de pagos, para pagar con tarjeta: Amparo no ve ni guarda los datos de su tarjeta.",
    private: "Su nombre no aparece en la página de la campaña.",
    amount: (currency: string) => `Cantidad (${currency})`,
    limits: (min: string, max: string) => `Entre ${min} y ${max}.`,
    submit: "Continuar al pago seguro",
    leaving: "Al continuar saldrá de este sitio hacia checkout.stripe.com.",
    back: "Volver a la campaña",
    cancelled: "Se canceló el pago. No se le cobró nada.",
    closed: "Esta campaña ya no recibe donativos. Gracias por su interés.",
    unavailable:
      "No pudimos abrir la página de pago en este momento. No se le cobró nada. Inténtelo otra vez en unos minutos.",
    e_required: "Escriba cuánto quiere donar.",
    e_not_a_number: "Escriba solo la cantidad en números, por ejemplo 25 o 25.50.",
    e_fractional: "Use como máximo dos decimales, por ejemplo 25.50.",
    e_too_small: (min: string) => `La cantidad mínima es ${min}.`,
    e_too_large: (max: string) =>
      `La cantidad máxima en línea es ${max}. Para un donativo mayor, comuníquese con la organización.`,
    thanks_title: "¡Gracias por su donativo!",
    thanks_body:
      "Su pago se procesó en Stripe. El donativo aparecerá en la página de la campaña en unos momentos.",
  },
  en: {
    title: "Give online",
    heading: (campaign: string) => `Give online to “${campaign}”`,
    how: "Choose how much you'd like to give. We'll take you to Stripe, a payment service, to pay by card: Amparo never sees or keeps your card details.",
    private: "Your name is not shown on the campaign page.",
    amount: (currency: string) => `Amount (${currency})`,
    limits: (min: string, max: string) => `Between ${min} and ${max}.`,
    submit: "Continue to secure payment",
    leaving: "Continuing takes you from this site to checkout.stripe.com.",
    back: "Back to the campaign",
    cancelled: "The payment was cancelled. You were not charged.",
    closed: "This campaign no longer takes gifts. Thank you for your interest.",
    unavailable:
      "We couldn't open the payment page right now. You were not charged. Please try again in a few minutes.",
    e_required: "Enter how much you'd like to give.",
    e_not_a_number: "Enter just the amount in numbers, for example 25 or 25.50.",
    e_fractional: "Use at most two decimals, for example 25.50.",
    e_too_small: (min: string) => `The smallest amount is ${min}.`,
    e_too_large: (max: string) =>
      `The largest amount online is ${max}. For a larger gift, please contact the organization.`,
    thanks_title: "Thank you for your gift!",
    thanks_body:
      "Your payment went through on Stripe. The gift will show on the campaign page in a few moments.",
  },
});
