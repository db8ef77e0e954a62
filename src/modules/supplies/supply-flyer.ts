import { buildFlyer } from "../../platform/flyer";
import type { Lang } from "../../platform/i18n";
import { formatHours } from "./hours";
import type { PublicDrive } from "./public-drive";
import { suppliesPublicText } from "./supplies-public.messages";
import { amountText, itemLabel } from "./units";

// A drive's flyer through the one shared flyer builder (platform/flyer.ts), like the
// campaign and action flyers: both titles; in each language what is still needed (urgent
// first) and what not to bring, shortened to the room left; then where to drop things off
// and when, which is never cut; and a QR code to the public page, where the pledge form is.

const MAX_ITEMS = 12;
const MAX_POINTS = 3;

export function renderSupplyFlyer(data: PublicDrive, url: string): Promise<Buffer> {
  const { org, drive } = data;
  const pledge = suppliesPublicText;
  return buildFlyer({
    orgName: org.name,
    title: { es: drive.title.es || drive.title.en, en: drive.title.en || drive.title.es },
    url,
    scan: { es: pledge.es.pledge_title, en: pledge.en.pledge_title },
    columns: { es: column(data, "es"), en: column(data, "en") },
  });
}

/** What is still needed and what not to bring, then the drop-off points with their hours. */
function column(data: PublicDrive, lang: Lang) {
  const t = suppliesPublicText[lang];
  const needs = data.needs.slice(0, MAX_ITEMS).map((n) => {
    const label = `${itemLabel(n.item, n.variant, lang)}: ${amountText(n.figures.stillNeeded, n.unit, lang)}`;
    return n.urgent ? `${t.urgent.toUpperCase()} ${label}` : label;
  });
  const parts = [
    `${t.still_needed_title}: ${needs.length > 0 ? `${needs.join("; ")}.` : t.nothing_needed}`,
  ];
  if (data.notAccepted.length > 0) {
    const list = data.notAccepted.slice(0, 6).map((n) => n.text[lang] || n.text.es);
    parts.push(`${t.not_accepted_title}: ${list.join(", ")}.`);
  }
  const points = data.points.slice(0, MAX_POINTS).map((p) => {
    const hours = formatHours(p.hours, lang).join(", ");
    return [p.name, p.address, hours || t.hours_ask].filter(Boolean).join(" — ");
  });
  return {
    text: parts.join(" "),
    closing: {
      heading: t.points_title,
      text: points.length > 0 ? points.join(". ") : t.points_none,
    },
  };
}
