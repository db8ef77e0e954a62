import { defineMessages } from "./i18n";

// The printed flyer carries both languages on one page, so both catalogs are used at once.
export const flyerFrameText = defineMessages("flyer-frame", {
  es: {
    language: "Español",
    call_heading: "Llame hoy",
    no_public_address:
      "Sin código QR: falta la dirección pública de Amparo (AMPARO_PUBLIC_URL). Pida a quien lo administra que la configure e imprima de nuevo.",
  },
  en: {
    language: "English",
    call_heading: "Call today",
    no_public_address:
      "No QR code: Amparo's public address (AMPARO_PUBLIC_URL) is not set. Ask whoever runs it to set it, then print again.",
  },
});
