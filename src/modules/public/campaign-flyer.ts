import { buildFlyer, FLYER, type FlyerCall, type FlyerDoc, pdfText } from "../../platform/flyer";
import type { Lang } from "../../platform/i18n";
import { cents, formatMoney } from "../../platform/money";
import { progress } from "../funds/campaign";
import { flyerText } from "./campaign-flyer.messages";
import type { PublicCampaign } from "./public-campaign";

// A campaign's flyer: the shared flyer (platform/flyer.ts) with the goal and a drawn
// progress bar under the titles, the story and how to give in each language, and the
// numbers of the case's public call-in campaigns.

export { pdfText, qrSafeUrl } from "../../platform/flyer";
export type { FlyerCall };

export type FlyerOptions = {
  /** Absolute URL of the public page; the QR code points there. */
  url: string;
  online: boolean;
  /** Numbers to call; by default those of the case's public call campaigns. */
  calls?: readonly FlyerCall[];
};

const { margin: MARGIN, width: WIDTH, page: PAGE } = FLYER;

export function renderFlyer(data: PublicCampaign, options: FlyerOptions): Promise<Buffer> {
  const { campaign, org } = data;
  const scan = options.online && campaign.open ? "scan_give" : "scan";
  // Each column in its own language only: a story written in one language is printed once,
  // and the other column says where it is instead of repeating it.
  const other = (lang: Lang): Lang => (lang === "es" ? "en" : "es");
  const column = (lang: Lang) => ({
    text:
      campaign.story[lang]?.trim() ||
      (campaign.story[other(lang)]?.trim() ? flyerText[lang].story_other_column : null),
    closing: {
      heading: flyerText[lang].give_heading,
      text: campaign.open ? flyerText[lang].give_cash : flyerText[lang].closed,
    },
  });
  return buildFlyer({
    orgName: org.name,
    title: campaign.title,
    url: options.url,
    scan: { es: flyerText.es[scan], en: flyerText.en[scan] },
    banner: (doc, y) => drawProgress(doc, data, y),
    columns: { es: column("es"), en: column("en") },
    calls: options.calls ?? advocacyCalls(data),
  });
}

/** Raised of the goal in both languages, the bar with its milestones, percent and gifts. */
function drawProgress(doc: FlyerDoc, data: PublicCampaign, top: number): number {
  const { campaign, totals } = data;
  let y = top;
  const money = (n: number, lang: Lang) => formatMoney(cents(n), campaign.currency, lang);
  // Nothing raised yet: the goal alone, no "$0.00 raised" and no empty bar.
  if (totals.raisedCents <= 0) {
    doc.font("Helvetica-Bold").fontSize(20).fillColor(FLYER.accentStrong);
    const goal = [
      flyerText.es.goal_only(money(campaign.goalCents, "es")),
      flyerText.en.goal_only(money(campaign.goalCents, "en")),
    ].join(" · ");
    doc.text(pdfText(goal), MARGIN, y, { width: WIDTH });
    return doc.y + 16;
  }
  const p = progress(totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  doc.font("Helvetica-Bold").fontSize(30).fillColor(FLYER.accentStrong);
  const raised = pdfText(money(totals.raisedCents, "en"));
  doc.text(raised, MARGIN, y, { lineBreak: false });
  const raisedWidth = doc.widthOfString(raised);
  doc.font("Helvetica").fontSize(12).fillColor(FLYER.ink);
  const goalX = MARGIN + raisedWidth + 12;
  const goalWidth = PAGE.width - MARGIN - goalX;
  doc.text(pdfText(flyerText.es.raised_of_goal(money(campaign.goalCents, "es"))), goalX, y + 2, {
    width: goalWidth,
  });
  doc.fillColor(FLYER.muted);
  doc.text(pdfText(flyerText.en.raised_of_goal(money(campaign.goalCents, "en"))), goalX, y + 17, {
    width: goalWidth,
  });
  y += 42;
  drawBar(doc, y, totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  y += 30;
  doc.font("Helvetica-Bold").fontSize(12).fillColor(FLYER.ink);
  const percent = String(p.percent);
  const left =
    p.next === null
      ? `${flyerText.es.goal_reached} · ${flyerText.en.goal_reached}`
      : `${flyerText.es.percent_of_goal(percent)} · ${flyerText.en.percent_of_goal(percent)}`;
  doc.text(pdfText(left), MARGIN, y, { width: WIDTH, lineBreak: false });
  if (totals.gifts > 0) {
    const gifts = [
      flyerText.es.gifts_count(totals.gifts),
      flyerText.en.gifts_count(totals.gifts),
    ].join(" · ");
    doc.text(pdfText(gifts), MARGIN, y, { width: WIDTH, align: "right", lineBreak: false });
  }
  return y + 24;
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

function drawBar(
  doc: FlyerDoc,
  y: number,
  raised: number,
  goal: number,
  milestones: readonly number[],
): void {
  const height = 22;
  doc.roundedRect(MARGIN, y, WIDTH, height, 6).fill(FLYER.track);
  const filled = Math.max(0, Math.min(1, raised / goal)) * WIDTH;
  if (filled > 0) {
    doc.save();
    doc.roundedRect(MARGIN, y, WIDTH, height, 6).clip();
    doc.rect(MARGIN, y, filled, height).fill(FLYER.accent);
    doc.restore();
  }
  for (const m of milestones) {
    const x = MARGIN + Math.min(1, m / goal) * WIDTH;
    doc.rect(x - 1, y, 2, height).fill(m <= raised ? "#ffffff" : FLYER.ink);
  }
}
