import { defineMessages } from "./i18n";

// The printed flyer carries both languages on one page, so both catalogs are used at once.
export const flyerFrameText = defineMessages("flyer-frame", {
  es: {
    language: "Español",
    call_heading: "Llame hoy",
  },
  en: {
    language: "English",
    call_heading: "Call today",
  },
});
