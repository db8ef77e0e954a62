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
      "Amparo no sabe su dirección pública: el código QR del volante y el enlace solo funcionan en esta red. Quien administra el servidor debe poner AMPARO_PUBLIC_URL (por ejemplo, https://amparo.ejemplo.org) antes de imprimir o compartir.",
  },
  en: {
    heading: "Public page",
    view: "View public page",
    copy: "Copy link",
    copied: "Link copied",
    flyer: "Download flyer (PDF)",
    link_label: "Link to share",
    no_address:
      "Amparo doesn't know its public address: the flyer's QR code and the link only work on this network. Whoever runs the server should set AMPARO_PUBLIC_URL (for example, https://amparo.example.org) before you print or share.",
  },
});
