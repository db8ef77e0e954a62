import type { SignedIn } from "../../platform/http";
import { formatNumber, type Lang } from "../../platform/i18n";
import { outreachText } from "./outreach.messages";
import { receptivePercent, type Totals } from "./shift";

// Small pieces shared by the outreach pages.
export type View = { lang: Lang; csrf: string; path: string; auth: SignedIn };

export function Notice(props: { text: string | undefined }) {
  if (!props.text) return null;
  return (
    <div class="alert alert-ok" role="status">
      {props.text}
    </div>
  );
}

/** The numbers of a set of shifts as a row of stats. */
export function TotalsStats(props: { totals: Totals; lang: Lang }) {
  const t = outreachText[props.lang];
  const n = (x: number) => formatNumber(x, props.lang);
  const s = props.totals;
  const stats: [number, string][] = [
    [s.shifts, t.shifts],
    [s.flyers, t.flyers],
    [s.conversations, t.conversations],
    [s.signUps, t.sign_ups],
  ];
  return (
    <>
      <div class="stats">
        {stats.map(([value, label]) => (
          <div class="stat">
            <div class="n">{n(value)}</div>
            <div class="l">{label}</div>
          </div>
        ))}
      </div>
      {s.conversations > 0 && <OutcomeBar totals={s} lang={props.lang} />}
    </>
  );
}

/** Receptive / neutral / not interested as one bar (inline SVG, no script). */
export function OutcomeBar(props: { totals: Totals; lang: Lang }) {
  const t = outreachText[props.lang];
  const s = props.totals;
  const total = Math.max(s.conversations, 1);
  const parts = [
    { n: s.receptive, label: t.receptive, cls: "bar-good" },
    { n: s.neutral, label: t.neutral, cls: "bar-mid" },
    { n: s.notInterested, label: t.not_interested, cls: "bar-low" },
  ];
  let x = 0;
  const summary = parts.map((p) => `${p.label}: ${formatNumber(p.n, props.lang)}`).join(", ");
  return (
    <figure class="outcome">
      <svg
        viewBox="0 0 100 6"
        preserveAspectRatio="none"
        role="img"
        aria-label={summary}
        class="outcome-bar"
      >
        {parts.map((p) => {
          const w = (100 * p.n) / total;
          const rect = <rect x={x} y={0} width={w} height={6} class={p.cls} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption class="meta">
        {t.receptive_share(formatNumber(receptivePercent(s), props.lang))} · {summary}
      </figcaption>
    </figure>
  );
}
