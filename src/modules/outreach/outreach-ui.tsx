import { formatNumber, type Lang } from "../../platform/i18n";
import { Stats } from "../../platform/ui/blocks";
import type { ViewProps } from "../../platform/ui/view";
import { outreachText } from "./outreach.messages";
import { receptivePercent, type Totals } from "./shift";

// Small pieces shared by the outreach pages.
export type View = ViewProps;

export { Notice } from "../../platform/ui/blocks";

/** The numbers of a set of shifts as a row of stats. */
export function TotalsStats(props: { totals: Totals; lang: Lang; single?: boolean }) {
  const t = outreachText[props.lang];
  const n = (x: number) => formatNumber(x, props.lang);
  const s = props.totals;
  const stats: [number, string][] = [
    ...(props.single ? [] : [[s.shifts, t.shifts] as [number, string]]),
    [s.flyers, t.flyers],
    [s.conversations, t.conversations],
    [s.signUps, t.sign_ups],
  ];
  return (
    <>
      <Stats items={stats.map(([value, label]) => ({ value: n(value), label }))} />
      {s.conversations > 0 && <OutcomeBar totals={s} lang={props.lang} />}
    </>
  );
}

/** Receptive / neutral / not interested as one bar (inline SVG, no script, no style). */
export function OutcomeBar(props: { totals: Totals; lang: Lang }) {
  const t = outreachText[props.lang];
  const s = props.totals;
  const total = Math.max(s.conversations, 1);
  const parts = [
    { n: s.receptive, label: t.receptive, fill: "#0f6e5f" },
    { n: s.neutral, label: t.neutral, fill: "#8fb8ae" },
    { n: s.notInterested, label: t.not_interested, fill: "#c9c4b8" },
  ];
  const summary = parts.map((p) => `${p.label}: ${formatNumber(p.n, props.lang)}`).join(", ");
  let x = 0;
  const rects = parts.map((p) => {
    const width = (100 * p.n) / total;
    const rect = <rect x={x} y={0} width={width} height={8} fill={p.fill} />;
    x += width;
    return rect;
  });
  return (
    <div class="outcome">
      <svg
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        width="100%"
        height="16"
        role="img"
        aria-label={summary}
      >
        <rect x={0} y={0} width={100} height={8} fill="#eceae4" />
        {rects}
      </svg>
      <p class="meta">
        {t.receptive_share(formatNumber(receptivePercent(s), props.lang))} · {summary}
      </p>
    </div>
  );
}
