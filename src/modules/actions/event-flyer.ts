import { buildFlyer } from "../../platform/flyer";
import { actionsPublicText } from "./actions-public.messages";
import { whenText } from "./actions-ui";
import type { PublicEvent } from "./public-events";

// A public action's flyer through the one shared flyer builder (platform/flyer.ts): both
// titles, the description in each language, when and where (never cut), and a QR code.

export function renderEventFlyer(data: PublicEvent, url: string): Promise<Buffer> {
  const { org, event } = data;
  const place = [event.placeName, event.placeAddress, event.meetingPoint]
    .filter(Boolean)
    .join(", ");
  const closing = (lang: "es" | "en") => ({
    heading: actionsPublicText[lang].flyer_when_where,
    text: [whenText(event, lang), place].filter(Boolean).join("\n"),
  });
  return buildFlyer({
    orgName: org.name,
    title: { es: event.title.es || event.title.en, en: event.title.en || event.title.es },
    url,
    scan: { es: actionsPublicText.es.flyer_scan, en: actionsPublicText.en.flyer_scan },
    columns: {
      es: { text: event.description.es || null, closing: closing("es") },
      en: { text: event.description.en || null, closing: closing("en") },
    },
  });
}
