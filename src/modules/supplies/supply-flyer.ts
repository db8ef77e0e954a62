import PDFDocument from "pdfkit";
import {
  drawMissingAddress,
  drawQr,
  isAbsoluteUrl,
  pdfText,
  qrSafeUrl,
} from "../../platform/flyer";
import type { Lang } from "../../platform/i18n";
import { formatHours } from "./hours";
import type { PublicDrive } from "./public-drive";
import { suppliesPublicText } from "./supplies-public.messages";
import { amountText, itemLabel } from "./units";

// A one-page, letter-size flyer for a drive: Spanish and English side by side, what is
// still needed (urgent first), where to drop things off and when, and a QR code to the
// public page. Built with the shared flyer's QR and text helpers (platform/flyer.ts).

const PAGE = { width: 612, height: 792 };
const MARGIN = 40;
const WIDTH = PAGE.width - 2 * MARGIN;
const GAP = 28;
const COLUMN = (WIDTH - GAP) / 2;
const QR_SIZE = 150;
const BOTTOM = PAGE.height - MARGIN - QR_SIZE - 24;
const INK = "#1c2024";
const MUTED = "#4f5862";
const ACCENT = "#0b6760";
const ACCENT_STRONG = "#084e49";
const MAX_ITEMS = 12;

export function renderSupplyFlyer(data: PublicDrive, url: string): Promise<Buffer> {
  const link = isAbsoluteUrl(url) ? qrSafeUrl(url) : null;
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 0,
    info: {
      Title: pdfText(`${data.drive.title.es} / ${data.drive.title.en || data.drive.title.es}`),
      Author: pdfText(data.org.name),
      Creator: "Amparo",
      Producer: "Amparo",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.rect(0, 0, PAGE.width, 46).fill(ACCENT_STRONG);
  doc.font("Helvetica-Bold").fontSize(15).fillColor("#ffffff");
  doc.text(pdfText(data.org.name), MARGIN, 16, {
    width: WIDTH - 130,
    lineBreak: false,
    ellipsis: true,
  });
  doc
    .font("Helvetica")
    .fontSize(11)
    .text("Español · English", MARGIN, 18, { width: WIDTH, align: "right", lineBreak: false });

  doc.font("Helvetica-Bold").fontSize(30).fillColor(INK);
  doc.text(pdfText(data.drive.title.es), MARGIN, 66, { width: WIDTH, height: 80, ellipsis: true });
  if (
    data.drive.title.en &&
    data.drive.title.en.toLowerCase() !== data.drive.title.es.toLowerCase()
  ) {
    doc.font("Helvetica-Bold").fontSize(20).fillColor(MUTED);
    doc.text(pdfText(data.drive.title.en), MARGIN, doc.y + 2, {
      width: WIDTH,
      height: 50,
      ellipsis: true,
    });
  }
  const top = doc.y + 16;
  const ends = (["es", "en"] as const).map((lang, i) =>
    column(doc, data, lang, MARGIN + i * (COLUMN + GAP), top),
  );
  const afterColumns = Math.max(...ends) + 10;

  // Drop-off points, once (names and addresses are the same in both languages).
  let y = Math.min(afterColumns, BOTTOM - 60);
  for (const p of data.points.slice(0, 3)) {
    if (y > BOTTOM - 30) break;
    doc.font("Helvetica-Bold").fontSize(12).fillColor(INK);
    doc.text(pdfText(p.name), MARGIN, y, { width: WIDTH, lineBreak: false, ellipsis: true });
    const hours = [...formatHours(p.hours, "es"), ...formatHours(p.hours, "en")].join(" · ");
    doc.font("Helvetica").fontSize(10).fillColor(MUTED);
    doc.text(pdfText([p.address, hours].filter(Boolean).join(" — ")), MARGIN, doc.y + 1, {
      width: WIDTH,
      height: 28,
      ellipsis: true,
    });
    y = doc.y + 6;
  }

  const qrTop = PAGE.height - MARGIN - QR_SIZE;
  if (link === null) {
    drawMissingAddress(doc, MARGIN, qrTop + 20, WIDTH);
    doc.end();
    return done;
  }
  drawQr(doc, link, MARGIN, qrTop, QR_SIZE);
  const textX = MARGIN + QR_SIZE + 20;
  const textWidth = WIDTH - QR_SIZE - 20;
  doc.font("Helvetica-Bold").fontSize(16).fillColor(ACCENT_STRONG);
  doc.text(
    pdfText(`${suppliesPublicText.es.pledge_title} · ${suppliesPublicText.en.pledge_title}`),
    textX,
    qrTop + 20,
    { width: textWidth },
  );
  const urlSize = Math.max(8, Math.min(13, textWidth / (link.length * 0.6)));
  doc.font("Courier-Bold").fontSize(urlSize).fillColor(ACCENT_STRONG);
  doc.text(link, textX, doc.y + 12, { width: textWidth });
  doc.end();
  return done;
}

/** One language's column: what is still needed, then what not to bring; returns its end. */
function column(
  doc: PDFKit.PDFDocument,
  data: PublicDrive,
  lang: Lang,
  x: number,
  top: number,
): number {
  const t = suppliesPublicText[lang];
  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .fillColor(ACCENT)
    .text(pdfText(t.still_needed_title), x, top, { width: COLUMN });
  let y = doc.y + 4;
  const needs = data.needs.slice(0, MAX_ITEMS);
  if (needs.length === 0) {
    doc
      .font("Helvetica")
      .fontSize(11)
      .fillColor(INK)
      .text(pdfText(t.nothing_needed), x, y, { width: COLUMN });
    y = doc.y;
  }
  for (const n of needs) {
    if (y > BOTTOM - 90) break;
    const label = `${n.urgent ? "! " : "• "}${itemLabel(n.item, n.variant, lang)} — ${amountText(n.figures.stillNeeded, n.unit, lang)}`;
    doc
      .font(n.urgent ? "Helvetica-Bold" : "Helvetica")
      .fontSize(11)
      .fillColor(INK);
    doc.text(pdfText(label), x, y, { width: COLUMN, height: 30, ellipsis: true });
    y = doc.y + 2;
  }
  if (data.notAccepted.length > 0 && y < BOTTOM - 60) {
    doc
      .font("Helvetica-Bold")
      .fontSize(12)
      .fillColor(ACCENT)
      .text(pdfText(t.not_accepted_title), x, y + 6, { width: COLUMN });
    const list = data.notAccepted
      .slice(0, 6)
      .map((n) => n.text[lang] || n.text.es)
      .join(", ");
    doc
      .font("Helvetica")
      .fontSize(10)
      .fillColor(INK)
      .text(pdfText(list), x, doc.y + 2, { width: COLUMN, height: 44, ellipsis: true });
    y = doc.y;
  }
  return y;
}
