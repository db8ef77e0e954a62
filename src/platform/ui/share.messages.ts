import { defineMessages } from "../i18n";

// The "share this public page" block of staff pages (campaigns, cases, call-ins).
export const shareText = defineMessages("share", {
  es: {
    heading: "Página pública",
    view: "Ver página pública",
    copy: "Copiar enlace",
    copied: "Enlace copiado",
    flyer: "Descargar volante (PDF)",
    link_label: "Enlace para compartir",
    no_address:
      "Falta la dirección pública: este enlace y el código QR del volante solo funcionan en esta red. Pide a quien administra el servidor que ponga AMPARO_PUBLIC_URL antes de imprimir o compartir.",
  },
  en: {
    heading: "Public page",
    view: "View public page",
    copy: "Copy link",
    copied: "Link copied",
    flyer: "Download flyer (PDF)",
    link_label: "Link to share",
    no_address:
      "No public address is set: this link and the flyer's QR code only work on this network. Ask whoever runs the server to set AMPARO_PUBLIC_URL before you print or share.",
  },
});
