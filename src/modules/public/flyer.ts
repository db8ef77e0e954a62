import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { formatNumber, type Lang } from "../../platform/i18n";
import { cents, formatMoney } from "../../platform/money";
import { progress } from "../funds/campaign";
import { flyerText } from "./flyer.messages";
import { inLang, type PublicCampaign } from "./public-campaign";

// A one-page, letter-size flyer to print and hand out: Spanish and English side by side,
// the goal and a drawn progress bar, how to give and whom to call, and a QR code big
// enough to scan from arm's length. Built-in Helvetica covers Spanish; no font files.

export type FlyerCall = { name: string; phone: string };
export type FlyerOptions = {
  /** Absolute URL of the public page; the QR code points there. */
  url: string;
  online: boolean;
  /** Numbers to call; by default those of the case's public call campaigns. */
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
const INK = "#1c2024";
const MUTED = "#4f5862";
const ACCENT = "#0b6760";
const ACCENT_STRONG = "#084e49";
const TRACK = "#dfe3de";
const SOFT = "#e3f1ef";

export function renderFlyer(data: PublicCampaign, options: FlyerOptions): Promise<Buffer> {
  const { campaign, org, totals } = data;
  const url = qrSafeUrl(options.url);
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 0,
    info: {
      Title: pdfText(`${campaign.title.es} / ${campaign.title.en}`),
      Author: pdfText(org.name),
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
  doc.text(pdfText(org.name), MARGIN, 16, { width: WIDTH - 130, lineBreak: false, ellipsis: true });
  doc.font("Helvetica").fontSize(11);
  doc.text("Español · English", MARGIN, 18, { width: WIDTH, align: "right", lineBreak: false });

  // Titles: Spanish first and biggest, English under it.
  let y = 66;
  const titleEs = pdfText(campaign.title.es);
  const titleEn = pdfText(campaign.title.en);
  y = fitText(doc, titleEs, { y, size: 38, min: 24, maxHeight: 132, color: INK });
  if (titleEn.toLowerCase() !== titleEs.toLowerCase()) {
    y = fitText(doc, titleEn, { y: y + 2, size: 24, min: 16, maxHeight: 64, color: MUTED });
  }

  // Progress toward the goal.
  y += 12;
  const money = (n: number, lang: Lang) => formatMoney(cents(n), campaign.currency, lang);
  const p = progress(totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  doc.font("Helvetica-Bold").fontSize(30).fillColor(ACCENT_STRONG);
  const raised = pdfText(money(totals.raisedCents, "en"));
  doc.text(raised, MARGIN, y, { lineBreak: false });
  const raisedWidth = doc.widthOfString(raised);
  doc.font("Helvetica").fontSize(12).fillColor(INK);
  const goalX = MARGIN + raisedWidth + 12;
  doc.text(pdfText(flyerText.es.raised_of_goal(money(campaign.goalCents, "es"))), goalX, y + 2, {
    width: PAGE.width - MARGIN - goalX,
  });
  doc.fillColor(MUTED);
  doc.text(pdfText(flyerText.en.raised_of_goal(money(campaign.goalCents, "en"))), goalX, y + 17, {
    width: PAGE.width - MARGIN - goalX,
  });
  y += 42;
  drawBar(doc, y, totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  y += 30;
  doc.font("Helvetica-Bold").fontSize(12).fillColor(INK);
  const percent = String(p.percent);
  const reached = p.next === null;
  const left = reached
    ? `${flyerText.es.goal_reached} · ${flyerText.en.goal_reached}`
    : `${flyerText.es.percent_of_goal(percent)} · ${flyerText.en.percent_of_goal(percent)}`;
  doc.text(pdfText(left), MARGIN, y, { width: WIDTH, lineBreak: false });
  const gifts = [
    flyerText.es.gifts_count(totals.gifts, formatNumber(totals.gifts, "es")),
    flyerText.en.gifts_count(totals.gifts, formatNumber(totals.gifts, "en")),
  ].join(" · ");
  if (totals.gifts > 0) {
    doc.text(pdfText(gifts), MARGIN, y, { width: WIDTH, align: "right", lineBreak: false });
  }
  y += 24;

  // Two columns, one per language; then the numbers to call, the same in both.
  doc
    .moveTo(MARGIN, y)
    .lineTo(PAGE.width - MARGIN, y)
    .lineWidth(1)
    .stroke(TRACK);
  y += 14;
  const calls = (options.calls ?? advocacyCalls(data)).slice(0, 4);
  const callsTop = calls.length === 0 ? BOTTOM_TOP : BOTTOM_TOP - 16 - callsHeight(calls.length);
  const langs: Lang[] = ["es", "en"];
  let columnsEnd = y;
  for (const [i, lang] of langs.entries()) {
    const end = column(doc, data, lang, MARGIN + i * (COLUMN + GAP), y, callsTop - 8);
    columnsEnd = Math.max(columnsEnd, end);
  }
  // Right under the columns, or where room was kept for it when the story is long.
  if (calls.length > 0) drawCalls(doc, calls, Math.min(callsTop, columnsEnd + 22));

  // The QR code and the address to type, on a soft band.
  const bandHeight = QR_SIZE + 2 * BAND_PAD;
  doc.roundedRect(MARGIN, BOTTOM_TOP, WIDTH, bandHeight, 12).fill(SOFT);
  const qrY = BOTTOM_TOP + BAND_PAD;
  drawQr(doc, url, MARGIN + BAND_PAD, qrY, QR_SIZE);
  const textX = MARGIN + BAND_PAD + QR_SIZE + 22;
  const textWidth = PAGE.width - MARGIN - BAND_PAD - textX;
  const scan = options.online && campaign.open ? "scan_give" : "scan";
  doc.font("Helvetica-Bold").fontSize(22).fillColor(INK);
  doc.text(pdfText(flyerText.es[scan]), textX, qrY + 24, { width: textWidth });
  doc.fillColor(MUTED).text(pdfText(flyerText.en[scan]), textX, doc.y + 4, { width: textWidth });
  // The address on one line when it fits at a readable size (Courier is 0.6 em wide).
  const urlSize = Math.max(8, Math.min(13, textWidth / (url.length * 0.6)));
  doc.font("Courier-Bold").fontSize(urlSize).fillColor(ACCENT_STRONG);
  doc.text(url, textX, doc.y + 14, { width: textWidth });

  doc.end();
  return done;
}

/** Every number of the case's public call-in campaigns, once each, in the organizers' order. */
export function advocacyCalls(data: PublicCampaign): FlyerCall[] {
  const seen = new Set<string>();
  const calls: FlyerCall[] = [];
  for (const item of data.advocacy) {
    if (item.kind === "visit") continue;
    for (const target of item.targets) {
      for (const phone of target.phones) {
        if (seen.has(phone.tel)) continue;
        seen.add(phone.tel);
        calls.push({ name: target.name, phone: phone.display });
      }
    }
  }
  return calls;
}

/** One language's column: a label, the story (shortened to fit), how to give; returns its end. */
function column(
  doc: PDFKit.PDFDocument,
  data: PublicCampaign,
  lang: Lang,
  x: number,
  top: number,
  bottom: number,
): number {
  const t = flyerText[lang];
  const { campaign } = data;
  const give = pdfText(campaign.open ? t.give_cash : t.closed);
  const body = { width: COLUMN, lineGap: 2.5 };
  // How to give comes last, measured first: the story gets whatever room is left.
  doc.font("Helvetica-Bold").fontSize(16);
  const headingHeight = doc.heightOfString(t.give_heading, body);
  doc.font("Helvetica").fontSize(BODY_SIZE);
  const tail = 14 + headingHeight + 4 + doc.heightOfString(give, body);

  doc.font("Helvetica-Bold").fontSize(11).fillColor(ACCENT).text(t.language.toUpperCase(), x, top, {
    width: COLUMN,
  });
  let y = doc.y + 6;
  const story = inLang(campaign.story, lang);
  if (story) {
    doc.font("Helvetica").fontSize(BODY_SIZE).fillColor(INK);
    const text = shorten(doc, pdfText(story.text.replace(/\s+/g, " ")), bottom - tail - y, body);
    if (text) {
      doc.text(text, x, y, body);
      y = doc.y + 14;
    }
  }
  doc.font("Helvetica-Bold").fontSize(16).fillColor(ACCENT_STRONG).text(t.give_heading, x, y, body);
  doc
    .font("Helvetica")
    .fontSize(BODY_SIZE)
    .fillColor(INK)
    .text(give, x, doc.y + 4, body);
  return doc.y;
}

const callsHeight = (n: number) => 26 + Math.ceil(n / 2) * 40;

/** "Llame hoy · Call today" and up to four numbers, two per row. */
function drawCalls(doc: PDFKit.PDFDocument, calls: readonly FlyerCall[], top: number): void {
  doc.font("Helvetica-Bold").fontSize(16).fillColor(ACCENT_STRONG);
  doc.text(`${flyerText.es.call_heading} · ${flyerText.en.call_heading}`, MARGIN, top, {
    width: WIDTH,
  });
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
  doc: PDFKit.PDFDocument,
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
function shorten(
  doc: PDFKit.PDFDocument,
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

function drawBar(
  doc: PDFKit.PDFDocument,
  y: number,
  raised: number,
  goal: number,
  milestones: readonly number[],
): void {
  const height = 22;
  doc.roundedRect(MARGIN, y, WIDTH, height, 6).fill(TRACK);
  const filled = Math.max(0, Math.min(1, raised / goal)) * WIDTH;
  if (filled > 0) {
    doc.save();
    doc.roundedRect(MARGIN, y, WIDTH, height, 6).clip();
    doc.rect(MARGIN, y, filled, height).fill(ACCENT);
    doc.restore();
  }
  for (const m of milestones) {
    const x = MARGIN + Math.min(1, m / goal) * WIDTH;
    doc.rect(x - 1, y, 2, height).fill(m <= raised ? "#ffffff" : INK);
  }
}

/** The QR code drawn as vector squares (crisp at any print size), with its quiet zone. */
export function drawQr(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
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
