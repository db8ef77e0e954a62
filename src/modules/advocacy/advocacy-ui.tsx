import type { Lang } from "../../platform/i18n";
import type { ViewProps } from "../../platform/ui/view";
import { advocacyText } from "./advocacy.messages";
import type { CallCampaign } from "./call-campaign";

// Small pieces shared by the advocacy pages.
export type View = ViewProps;

export function Badges(props: { campaign: CallCampaign; lang: Lang }) {
  const t = advocacyText[props.lang];
  const c = props.campaign;
  return (
    <span class="advocacy-badges">
      <span class={`badge ${c.open ? "advocacy-open" : "advocacy-closed"}`}>
        {c.open ? t.status_open : t.status_closed}
      </span>{" "}
      <span class={`badge ${c.public ? "case-public" : ""}`}>
        {c.public ? t.badge_public : t.badge_private}
      </span>{" "}
      <span class="badge">{c.kind === "visit" ? t.kind_visit : t.kind_call}</span>
    </span>
  );
}
