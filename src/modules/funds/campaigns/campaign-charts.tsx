import { formatPercent, type Lang } from "../../../platform/i18n";
import { cents, formatMoney } from "../../../platform/money";
import { monthName } from "../../../platform/time";
import { type Campaign, progress } from "../campaign";
import { fundsText } from "../funds.messages";
import type { CampaignTotals } from "../ledger/ledger";
import type { MonthTotals } from "../ledger/reports";
import { nextStepText } from "./campaign-ui";

// Charts drawn on the server as inline SVG: no script, no third party, readable by screen
// readers (a label on the picture, and the same numbers as text next to it).

const ACCENT = "#0b6760";
const OUT = "#a14a00";

export function ProgressBar(props: { campaign: Campaign; totals: CampaignTotals; lang: Lang }) {
  const { campaign, totals, lang } = props;
  const t = fundsText[lang];
  const money = (n: number) => formatMoney(cents(n), campaign.currency, lang);
  const p = progress(totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  const label = t.progress_label(
    money(totals.raisedCents),
    money(campaign.goalCents),
    String(p.percent),
  );
  return (
    <div class="progress">
      <svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label}>
        <rect x="0" y="0" width="100" height="10" rx="2" fill="#d9dcd6" />
        <rect x="0" y="0" width={String(p.percent)} height="10" rx="2" fill={ACCENT} />
        {campaign.milestonesCents.map((m) => {
          const x = Math.min(100, (m * 100) / campaign.goalCents).toFixed(2);
          return <rect x={x} y="0" width="0.6" height="10" fill="#1c2024" />;
        })}
      </svg>
      <p class="progress-text">
        <strong>{t.raised_of(money(totals.raisedCents), money(campaign.goalCents))}</strong>
        {" · "}
        {formatPercent(p.percent, lang)}
      </p>
      <p class="muted">{nextStepText(p.next, t, money)}</p>
    </div>
  );
}

const monthLabel = monthName;

/** Money that came in (gifts, interest) and went out for good (payments, refunds, losses). */
export function flows(t: CampaignTotals) {
  return {
    in: t.donatedCents + t.interestCents,
    out: t.spentCents + t.refundedCents + t.forfeitedCents,
  };
}

export function MonthChart(props: {
  months: MonthTotals[];
  currency: Campaign["currency"];
  lang: Lang;
  id: string;
}) {
  const t = fundsText[props.lang];
  const months = props.months.slice(-12);
  if (months.length === 0) return <p class="muted">{t.report_empty}</p>;
  const money = (n: number) => formatMoney(cents(n), props.currency, props.lang);
  const rows = months.map((m) => ({ label: monthLabel(m.month, props.lang), ...flows(m.totals) }));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.in, r.out)));
  const slot = 64;
  const width = rows.length * slot + 8;
  const chartHeight = 150;
  const bar = (value: number) => Math.max(value > 0 ? 1.5 : 0, (value / max) * chartHeight);
  const titleId = `${props.id}-title`;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${chartHeight + 24}`}
        width={width}
        height={chartHeight + 24}
        role="img"
        aria-labelledby={titleId}
        class="chart-svg"
      >
        <title id={titleId}>{t.report_chart(rows.map((r) => r.label).join(", "))}</title>
        <line
          x1="0"
          y1={chartHeight}
          x2={width}
          y2={chartHeight}
          stroke="#8a9199"
          stroke-width="1"
        />
        {rows.map((r, i) => {
          const x = 8 + i * slot;
          return (
            <g>
              <rect x={x} y={chartHeight - bar(r.in)} width="24" height={bar(r.in)} fill={ACCENT} />
              <rect
                x={x + 26}
                y={chartHeight - bar(r.out)}
                width="24"
                height={bar(r.out)}
                fill={OUT}
              />
              <text
                x={x + 25}
                y={chartHeight + 16}
                text-anchor="middle"
                font-size="12"
                fill="#1c2024"
              >
                {r.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        <span>
          <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
            <rect width="10" height="10" fill={ACCENT} />
          </svg>
          {t.report_in}
        </span>
        <span>
          <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
            <rect width="10" height="10" fill={OUT} />
          </svg>
          {t.report_out}
        </span>
      </figcaption>
      <table class="report">
        <thead>
          <tr>
            <th scope="col">{t.report_month}</th>
            <th scope="col">{t.report_in}</th>
            <th scope="col">{t.report_out}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td>{money(r.in)}</td>
              <td>{money(r.out)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
