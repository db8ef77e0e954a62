import PDFDocument from "pdfkit";
import { drawQr, pdfText, qrSafeUrl } from "../flyers/flyer";
import { whenText } from "./actions-ui";
import type { PublicEvent } from "./public-events";

// A one-page bilingual flyer for a public action: Spanish and English side by side, when
// and where, and a QR code to the action's page. The drawing helpers (QR as vectors, text
// the built-in fonts can draw) are the campaign flyer's, shared from flyers/flyer.ts.

const PAGE = { width: 612, height: 792 };
const MARGIN = 40;
const GAP = 28;
const COLUMN = (PAGE.width - 2 * MARGIN - GAP) / 2;
const QR_SIZE = 180;
const ACCENT_STRONG = "#084e49";
const INK = "#1c2024";

export function renderEventFlyer(data: PublicEvent, url: string): Promise<Buffer> {
  const { org, event } = data;
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 0,
    info: {
      Title: pdfText(`${event.title.es} / ${event.title.en}`),
      Author: pdfText(org.name),
      Creator: "Amparo",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.rect(0, 0, PAGE.width, 46).fill(ACCENT_STRONG);
  doc
    .fillColor("#ffffff")
    .font("Helvetica-Bold")
    .fontSize(16)
    .text(pdfText(org.name), MARGIN, 15, {
      width: PAGE.width - 2 * MARGIN,
      lineBreak: false,
      ellipsis: true,
    });
  const columns = [
    { lang: "es" as const, x: MARGIN, when: "Cuándo", where: "Dónde" },
    { lang: "en" as const, x: MARGIN + COLUMN + GAP, when: "When", where: "Where" },
  ];
  const bottom = PAGE.height - MARGIN - QR_SIZE - 24;
  for (const col of columns) {
    const title = event.title[col.lang] || event.title[col.lang === "es" ? "en" : "es"];
    const description = event.description[col.lang];
    doc
      .fillColor(INK)
      .font("Helvetica-Bold")
      .fontSize(24)
      .text(pdfText(title), col.x, 80, { width: COLUMN });
    doc
      .moveDown(0.6)
      .font("Helvetica-Bold")
      .fontSize(13)
      .text(pdfText(col.when), { width: COLUMN });
    doc
      .font("Helvetica")
      .fontSize(13)
      .text(pdfText(whenText(event, col.lang)), { width: COLUMN });
    if (event.placeName) {
      doc.moveDown(0.4).font("Helvetica-Bold").text(pdfText(col.where), { width: COLUMN });
      doc
        .font("Helvetica")
        .text(
          pdfText(
            [event.placeName, event.placeAddress, event.meetingPoint].filter(Boolean).join(", "),
          ),
          {
            width: COLUMN,
          },
        );
    }
    if (description) {
      doc
        .moveDown(0.6)
        .font("Helvetica")
        .fontSize(12)
        .text(pdfText(description), {
          width: COLUMN,
          height: Math.max(0, bottom - doc.y),
          ellipsis: true,
        });
    }
  }
  const qrX = (PAGE.width - QR_SIZE) / 2;
  drawQr(doc, qrSafeUrl(url), qrX, PAGE.height - MARGIN - QR_SIZE - 14, QR_SIZE);
  doc
    .fillColor(INK)
    .font("Helvetica")
    .fontSize(10)
    .text(pdfText(url), MARGIN, PAGE.height - MARGIN - 8, {
      width: PAGE.width - 2 * MARGIN,
      align: "center",
      lineBreak: false,
    });
  doc.end();
  return done;
}
