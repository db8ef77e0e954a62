import type { PropsWithChildren } from "hono/jsx";
import type { Lang } from "../../platform/i18n";
import { Page } from "../../platform/ui/layout";
import type { ViewProps } from "../../platform/ui/view";
import type { Drive } from "./drive-record";
import type { NeedFigures } from "./stock";
import { suppliesText } from "./supplies.messages";

export type View = ViewProps;

import { Notice } from "../../platform/ui/blocks";

export { Notice };

/** A page of the whole supplies section (pledges due, deposits): the way back, title, lede, notice. */
export function SectionPage(
  props: PropsWithChildren<View & { title: string; lede: string; notice?: string | undefined }>,
) {
  const t = suppliesText[props.lang];
  return (
    <Page {...props} title={props.title} section="supplies">
      <p class="muted">
        <a href="/supplies">{t.title}</a>
      </p>
      <h1>{props.title}</h1>
      <p class="lede">{props.lede}</p>
      <Notice text={props.notice} />
      {props.children}
    </Page>
  );
}

export function DriveBadges(props: { drive: Pick<Drive, "open" | "public">; lang: Lang }) {
  const t = suppliesText[props.lang];
  return (
    <span class="supply-badges">
      <span class={`badge ${props.drive.open ? "supply-open" : ""}`}>
        {props.drive.open ? t.status_open : t.status_closed}
      </span>{" "}
      <span class="badge">{props.drive.public ? t.badge_public : t.badge_private}</span>
    </span>
  );
}

/**
 * One bar per need: received (dark), open pledges (light) and what's still missing (track),
 * as parts of what's needed; delivered is a tick inside the received part. Inline SVG,
 * drawn on the server, no script.
 */
export function NeedBar(props: { figures: NeedFigures; label: string }) {
  const f = props.figures;
  const whole = Math.max(f.needed, f.received + f.pledged, 1);
  const pct = (n: number) => Math.max(0, Math.min(100, (n / whole) * 100));
  const received = pct(f.received);
  const pledged = Math.min(100 - received, pct(f.pledged));
  const delivered = pct(Math.min(f.delivered, f.received));
  return (
    <svg
      class="supply-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      role="img"
      aria-label={props.label}
    >
      <rect x="0" y="0" width="100" height="10" fill="#dfe3de" />
      <rect x="0" y="0" width={received.toFixed(2)} height="10" fill="#0b6760" />
      <rect x={received.toFixed(2)} y="0" width={pledged.toFixed(2)} height="10" fill="#8cc7bf" />
      {delivered > 0 && <rect x="0" y="7" width={delivered.toFixed(2)} height="3" fill="#1c2024" />}
    </svg>
  );
}
