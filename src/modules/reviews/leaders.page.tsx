import { formatNumber, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Notice } from "../../platform/ui/blocks";
import { ButtonForm } from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { ItemList, PersonTitle } from "../../platform/ui/lists";
import { SUGGESTION_RULES } from "./leadership";
import type { LeadersOverview } from "./leadership-data";
import type { View } from "./review.page";
import { leadersText } from "./reviews.messages";

// Grow leaders: who never led, who is ready to lead, and levels participation suggests.

type Props = View & {
  overview: LeadersOverview;
  levelLabel: (level: string, lang: Lang) => string;
  notice?: string | undefined;
};

export function LeadersPage(props: Props) {
  const t = leadersText[props.lang];
  const { overview: o, lang } = props;
  const n = (x: number) => formatNumber(x, lang);
  const confirmer = can(props.auth.role, "leaders.manage");
  return (
    <Page {...props} title={t.title} section="leaders">
      <h1>{t.title}</h1>
      <p class="lede">{t.lede}</p>
      <p>
        <a href="/lessons">{t.see_lessons} →</a>
      </p>
      <Notice text={props.notice} />
      <Panel title={t.never_led_title} hint={t.never_led_hint}>
        <ItemList
          items={o.neverLed}
          none={t.never_led_none}
          item={(p) => (
            <>
              <PersonTitle id={p.id} name={p.displayName} />
              <span class={`badge level-${p.engagementLevel}`}>
                {props.levelLabel(p.engagementLevel, lang)}
              </span>
            </>
          )}
        />
      </Panel>
      <Panel title={t.candidates_title} hint={t.candidates_hint}>
        <ItemList
          items={o.candidates}
          none={t.candidates_none}
          item={(p) => (
            <>
              <PersonTitle id={p.id} name={p.displayName} />
              <span class="meta">{t.deputy_turns(p.deputyTurns)}</span>
            </>
          )}
        />
      </Panel>
      <Panel
        title={t.suggestions_title}
        hint={t.suggestions_hint(n(SUGGESTION_RULES.windowDays), n(SUGGESTION_RULES.activeAfter))}
      >
        <ItemList
          items={o.suggestions}
          none={t.suggestions_none}
          item={(s) => (
            <>
              <PersonTitle id={s.id} name={s.displayName} />
              <span class="meta">
                {t.from_to(
                  props.levelLabel(s.engagementLevel, lang),
                  props.levelLabel(s.suggested, lang),
                )}{" "}
                · {t.attended_n(s.attended, n(SUGGESTION_RULES.windowDays))}
              </span>
              {confirmer && (
                <ButtonForm
                  action={`/leaders/${s.id}/level`}
                  csrf={props.csrf}
                  hidden={{ from: s.engagementLevel, to: s.suggested }}
                >
                  {t.confirm}
                </ButtonForm>
              )}
            </>
          )}
        />
      </Panel>
    </Page>
  );
}
