import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Bilingual } from "./bilingual";
import { flyerFrameText } from "./flyer.messages";
import type { Lang } from "./i18n";

// The one printable flyer of the public site (campaigns, actions, drives): a letter page,
// the organization's band, the title in Spanish then English, an optional full-width block
// (a campaign's progress), one column per language (a text shortened to fit, then a
// closing section that always shows), numbers to call, and a QR code to the public page,
// big enough to scan from arm's length. Built-in Helvetica covers Spanish; no font files.

export type FlyerDoc = PDFKit.PDFDocument;
export type FlyerCall = { name: string; phone: string };
export type FlyerColumn = {
  /** The story or description; shortened at a word to the room left. */
  text: string | null;
  /** How to give, when and where...: measured first, so it is never cut. */
  closing?: { heading: string; text: string };
};
export type FlyerSpec = {
  orgName: string;
  title: Bilingual;
  /**
   * URL of the public page; the QR code points there. Relative when no public address is
   * set (platform/public-url.ts): then no QR code, and a note saying what to set.
   */
  url: string;
  /** What scanning does, beside the QR code ("Scan to give online"). */
  scan: Bilingual;
  /** Drawn full width under the titles from `y`; returns where it ends. */
  banner?: (doc: FlyerDoc, y: number) => number;
  columns: Record<Lang, FlyerColumn>;
  /** Numbers to call; the first four are printed. */
  calls?: readonly FlyerCall[];
};

const PAGE = { width: 612, height: 792 };
const MARGIN = 40;
const WIDTH = PAGE.width - 2 * MARGIN;
const GAP = 28;
const COLUMN = (WIDTH - GAP) / 2;
const QR_SIZE = 160;
// The bottom band holds the QR code; the columns above must end before it.
const BAND_PAD = 12;
const BOTTOM_TOP = PAGE.height - MARGIN - QR_SIZE - 2 * BAND_PAD;
const BODY_SIZE = 13;
const SOFT = "#e3f1ef";

/** Page geometry and colours, for what a banner draws. */
export const FLYER = {
  page: PAGE,
  margin: MARGIN,
  width: WIDTH,
  ink: "#1c2024",
  muted: "#4f5862",
  accent: "#0b6760",
  accentStrong: "#084e49",
  track: "#dfe3de",
} as const;
const { ink: INK, muted: MUTED, accent: ACCENT, accentStrong: ACCENT_STRONG } = FLYER;

export function buildFlyer(spec: FlyerSpec): Promise<Buffer> {
  const url = isAbsoluteUrl(spec.url) ? qrSafeUrl(spec.url) : null;
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 0,
    info: {
      Title: pdfText(
        [spec.title.es, spec.title.en].filter((x) => x.trim()).join(" / ") || spec.orgName,
      ),
      Author: pdfText(spec.orgName),
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

  // Band with the organization's name.
  doc.rect(0, 0, PAGE.width, 46).fill(ACCENT_STRONG);
  doc.font("Helvetica-Bold").fontSize(15).fillColor("#ffffff");
  doc.text(pdfText(spec.orgName), MARGIN, 16, {
    width: WIDTH - 130,
    lineBreak: false,
    ellipsis: true,
  });
  doc.font("Helvetica").fontSize(11);
  doc.text("Español · English", MARGIN, 18, { width: WIDTH, align: "right", lineBreak: false });

  // Titles: Spanish first and biggest, English under it.
  let y = 66;
  // One language may be all there is: it is then the only, big title.
  const titleEs = pdfText(spec.title.es.trim() || spec.title.en);
  const titleEn = pdfText(spec.title.en);
  y = fitText(doc, titleEs, { y, size: 38, min: 24, maxHeight: 132, color: INK });
  if (titleEn && titleEn.toLowerCase() !== titleEs.toLowerCase()) {
    y = fitText(doc, titleEn, { y: y + 2, size: 24, min: 16, maxHeight: 64, color: MUTED });
  }
  y = spec.banner ? spec.banner(doc, y + 12) : y + 12;

  // Two columns, one per language; then the numbers to call, the same in both.
  doc
    .moveTo(MARGIN, y)
    .lineTo(PAGE.width - MARGIN, y)
    .lineWidth(1)
    .stroke(FLYER.track);
  y += 14;
  const calls = (spec.calls ?? []).slice(0, 4);
  const callsTop = calls.length === 0 ? BOTTOM_TOP : BOTTOM_TOP - 16 - callsHeight(calls.length);
  const langs: Lang[] = ["es", "en"];
  let columnsEnd = y;
  for (const [i, lang] of langs.entries()) {
    const x = MARGIN + i * (COLUMN + GAP);
    const end = column(doc, spec.columns[lang], lang, x, y, callsTop - 8);
    columnsEnd = Math.max(columnsEnd, end);
  }
  // Right under the columns, or where room was kept for it when the text is long.
  if (calls.length > 0) drawCalls(doc, calls, Math.min(callsTop, columnsEnd + 22));

  // The QR code and the address to type, on a soft band.
  const bandHeight = QR_SIZE + 2 * BAND_PAD;
  doc.roundedRect(MARGIN, BOTTOM_TOP, WIDTH, bandHeight, 12).fill(SOFT);
  const qrY = BOTTOM_TOP + BAND_PAD;
  if (url === null) {
    drawMissingAddress(doc, MARGIN + BAND_PAD, qrY + 12, WIDTH - 2 * BAND_PAD);
    doc.end();
    return done;
  }
  drawQr(doc, url, MARGIN + BAND_PAD, qrY, QR_SIZE);
  const textX = MARGIN + BAND_PAD + QR_SIZE + 22;
  const textWidth = PAGE.width - MARGIN - BAND_PAD - textX;
  doc.font("Helvetica-Bold").fontSize(22).fillColor(INK);
  doc.text(pdfText(spec.scan.es), textX, qrY + 24, { width: textWidth });
  doc.fillColor(MUTED).text(pdfText(spec.scan.en), textX, doc.y + 4, { width: textWidth });
  // The address on one line when it fits at a readable size (Courier is 0.6 em wide).
  const urlSize = Math.max(8, Math.min(13, textWidth / (url.length * 0.6)));
  doc.font("Courier-Bold").fontSize(urlSize).fillColor(ACCENT_STRONG);
  doc.text(url, textX, doc.y + 14, { width: textWidth });

  doc.end();
  return done;
}

/** One language's column: a label, the text (shortened to fit), the closing; returns its end. */
function column(
  doc: FlyerDoc,
  content: FlyerColumn,
  lang: Lang,
  x: number,
  top: number,
  bottom: number,
): number {
  const body = { width: COLUMN, lineGap: 2.5 };
  const closing = content.closing
    ? { heading: pdfText(content.closing.heading), text: pdfText(content.closing.text) }
    : null;
  // The closing comes last, measured first: the text gets whatever room is left.
  let tail = 0;
  if (closing) {
    doc.font("Helvetica-Bold").fontSize(16);
    const headingHeight = doc.heightOfString(closing.heading, body);
    doc.font("Helvetica").fontSize(BODY_SIZE);
    tail = 14 + headingHeight + 4 + doc.heightOfString(closing.text, body);
  }
  const label = flyerFrameText[lang].language.toUpperCase();
  doc.font("Helvetica-Bold").fontSize(11).fillColor(ACCENT).text(label, x, top, { width: COLUMN });
  let y = doc.y + 6;
  if (content.text) {
    doc.font("Helvetica").fontSize(BODY_SIZE).fillColor(INK);
    const flat = pdfText(content.text.replace(/\s+/g, " ").trim());
    const text = shorten(doc, flat, bottom - tail - y, body);
    if (text) {
      doc.text(text, x, y, body);
      y = doc.y + 14;
    }
  }
  if (!closing) return y;
  doc
    .font("Helvetica-Bold")
    .fontSize(16)
    .fillColor(ACCENT_STRONG)
    .text(closing.heading, x, y, body);
  doc
    .font("Helvetica")
    .fontSize(BODY_SIZE)
    .fillColor(INK)
    .text(closing.text, x, doc.y + 4, body);
  return doc.y;
}

const callsHeight = (n: number) => 26 + Math.ceil(n / 2) * 40;

/** "Llame hoy · Call today" and up to four numbers, two per row. */
function drawCalls(doc: FlyerDoc, calls: readonly FlyerCall[], top: number): void {
  doc.font("Helvetica-Bold").fontSize(16).fillColor(ACCENT_STRONG);
  const heading = `${flyerFrameText.es.call_heading} · ${flyerFrameText.en.call_heading}`;
  doc.text(heading, MARGIN, top, { width: WIDTH });
  const rowTop = doc.y + 4;
  for (const [i, call] of calls.entries()) {
    const x = MARGIN + (i % 2) * (COLUMN + GAP);
    const y = rowTop + Math.floor(i / 2) * 40;
    doc.font("Helvetica").fontSize(11).fillColor(MUTED);
    doc.text(pdfText(call.name), x, y, { width: COLUMN, lineBreak: false, ellipsis: true });
    doc.font("Helvetica-Bold").fontSize(17).fillColor(INK);
    doc.text(pdfText(call.phone), x, y + 14, { width: COLUMN, lineBreak: false });
  }
}

/** Writes `text` at the biggest size from `size` down to `min` that fits `maxHeight`. */
function fitText(
  doc: FlyerDoc,
  text: string,
  o: { y: number; size: number; min: number; maxHeight: number; color: string },
): number {
  const options = { width: WIDTH, lineGap: 0 };
  let size = o.size;
  doc.font("Helvetica-Bold");
  while (size > o.min && doc.fontSize(size).heightOfString(text, options) > o.maxHeight) size -= 2;
  doc.fontSize(size).fillColor(o.color);
  const fitted = shorten(doc, text, o.maxHeight, options);
  doc.text(fitted, MARGIN, o.y, options);
  return doc.y;
}

/** The longest start of `text` (cut at a word, with an ellipsis) that fits in `height`. */
export function shorten(
  doc: FlyerDoc,
  text: string,
  height: number,
  options: PDFKit.Mixins.TextOptions,
): string {
  if (height <= 0) return "";
  if (doc.heightOfString(text, options) <= height) return text;
  const words = text.split(" ");
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = `${words.slice(0, mid).join(" ")}…`;
    if (doc.heightOfString(candidate, options) <= height) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0
    ? ""
    : `${words
        .slice(0, lo)
        .join(" ")
        .replace(/[,;:.]$/, "")}…`;
}

/**
 * In place of a QR code when no public address is set: never a code to whatever address
 * the request came in on (a forged Host), but what to set, in both languages.
 */
export function drawMissingAddress(doc: FlyerDoc, x: number, y: number, width: number): void {
  doc.font("Helvetica-Bold").fontSize(14).fillColor(INK);
  doc.text(pdfText(flyerFrameText.es.no_public_address), x, y, { width });
  doc.fillColor(MUTED).text(pdfText(flyerFrameText.en.no_public_address), x, doc.y + 8, { width });
}

/** The QR code drawn as vector squares (crisp at any print size), with its quiet zone. */
export function drawQr(doc: FlyerDoc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  doc.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col += 1;
      doc.rect(x + (start + 4) * cell, y + (row + 4) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill("#000000");
}

/** An absolute URL with every non-ASCII character percent-encoded (QR readers differ). */
/** Only an absolute http(s) link can go into a QR code (a relative one: no public address set). */
export function isAbsoluteUrl(link: string): boolean {
  return /^https?:\/\/[^/]/i.test(link);
}

export function qrSafeUrl(url: string): string {
  return new URL(url).href.replace(/[^\x21-\x7e]/g, (ch) => encodeURIComponent(ch));
}

// Windows-1252 characters beyond Latin-1 that the built-in fonts can draw.
const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

/** Text the standard PDF fonts can draw: accents stay, anything else loses its marks or goes. */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      CP1252_EXTRA.includes(ch)
    ) {
      out += ch;
    } else if (ch === "\n" || ch === "\t") {
      out += " ";
    } else {
      out += ch.normalize("NFKD").replace(/[^\x20-\x7e]/g, "");
    }
  }
  return out;
}
