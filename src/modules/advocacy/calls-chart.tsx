import { formatNumber, type Lang } from "../../platform/i18n";
import { advocacyText } from "./advocacy.messages";
import type { DayCount } from "./call-campaign";

// Calls per day as an inline SVG drawn on the server: no script, no style attribute, no
// third party. The picture has a text label, and the same numbers follow as a table.
const ACCENT = "#0b6760";
const AXIS = "#8a9199";
const INK = "#1c2024";

/** "2025-03-07" -> "7 mar" / "Mar 7", the calendar day as written (no time-zone shift). */
export function shortDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

export function CallsChart(props: { days: DayCount[]; lang: Lang; id: string }) {
  const t = advocacyText[props.lang];
  const { days, lang } = props;
  const max = Math.max(1, ...days.map((d) => d.count));
  const slot = 24;
  const barWidth = 16;
  const top = 14; // room for the number above the tallest bar
  const chartHeight = 100;
  const base = top + chartHeight;
  const width = days.length * slot + 4;
  const height = base + 20;
  const bar = (n: number) => (n > 0 ? Math.max(2, (n / max) * chartHeight) : 0);
  const titleId = `${props.id}-title`;
  const label = days.map((d) => `${shortDay(d.day, lang)}: ${formatNumber(d.count, lang)}`);
  return (
    <figure class="calls-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        class="calls-chart-svg"
      >
        <title id={titleId}>{t.chart_title(label.join(", "))}</title>
        <line x1="0" y1={base} x2={width} y2={base} stroke={AXIS} stroke-width="1" />
        {days.map((d, i) => {
          const x = 4 + i * slot;
          const h = bar(d.count);
          const day = Number(d.day.slice(8, 10));
          return (
            <g>
              {h > 0 && (
                <rect x={x} y={base - h} width={barWidth} height={h} rx="2" fill={ACCENT} />
              )}
              {d.count > 0 && (
                <text
                  x={x + barWidth / 2}
                  y={base - h - 3}
                  text-anchor="middle"
                  font-size="9"
                  fill={INK}
                >
                  {String(d.count)}
                </text>
              )}
              <text
                x={x + barWidth / 2}
                y={base + 14}
                text-anchor="middle"
                font-size="10"
                fill={INK}
              >
                {String(day)}
              </text>
            </g>
          );
        })}
      </svg>
      <details class="calls-numbers">
        <summary>{t.see_numbers}</summary>
        <table class="calls-table">
          <thead>
            <tr>
              <th scope="col">{t.day}</th>
              <th scope="col">{t.count}</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((d) => (
              <tr>
                <th scope="row">{shortDay(d.day, lang)}</th>
                <td>{formatNumber(d.count, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
