import { defineMessages } from "../i18n";

// The frame of every public page (campaigns, actions, drives): anyone reads it, so
// Spanish speaks to "usted".
export const publicFrameText = defineMessages("public-frame", {
  es: {
    switch_to_other: "English",
    switch_to_other_label: "Read this page in English",
    footer: (org: string) => `Página pública de ${org}.`,
    privacy_note: "Esta página no usa cookies de rastreo ni servicios de terceros.",
  },
  en: {
    switch_to_other: "Español",
    switch_to_other_label: "Lea esta página en español",
    footer: (org: string) => `Public page of ${org}.`,
    privacy_note: "This page uses no tracking cookies and no third-party services.",
  },
});
