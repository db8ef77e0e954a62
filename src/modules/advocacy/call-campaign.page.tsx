import { pick } from "../../platform/bilingual";
import { formatNumber } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { InLang, RecordHead, Stats } from "../../platform/ui/blocks";
import { BilingualFacts, CommaList, Facts } from "../../platform/ui/facts";
import { ButtonForm } from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { advocacyText } from "./advocacy.messages";
import { Badges, type View } from "./advocacy-ui";
import { type CallCampaign, type DayCount, LIMITS, type Target, telHref } from "./call-campaign";
import { CallsChart } from "./calls-chart";

type Props = View & {
  campaign: CallCampaign;
  personDisplayName: string;
  targets: Target[];
  days: DayCount[];
  total: number;
  notice?: string | undefined;
};

export function CallCampaignPage(props: Props) {
  const t = advocacyText[props.lang];
  const { campaign: c, lang } = props;
  const writer = can(props.auth.role, "advocacy.write");
  const today = props.days[props.days.length - 1]?.count ?? 0;
  return (
    <Page {...props} title={pick(c.title, lang).text} section="advocacy">
      <RecordHead
        back={{ href: "/advocacy", label: t.title }}
        title={<InLang text={c.title} lang={lang} />}
        badges={<Badges campaign={c} lang={lang} />}
        edit={writer && { href: `/advocacy/${c.id}/edit`, label: t.edit }}
        notice={props.notice}
      />
      <p>
        <a href={`/cases/${c.caseId}`}>{t.case_of(props.personDisplayName)}</a>
      </p>
      <p class="muted">{!c.open ? t.shown_closed : c.public ? t.shown_public : t.shown_private}</p>
      <Panel title={c.kind === "visit" ? t.counts_visit : t.counts_call}>
        <Stats
          items={[
            { value: formatNumber(today, lang), label: t.stat_today },
            { value: formatNumber(props.total, lang), label: t.stat_total },
          ]}
        />
        <CallsChart days={props.days} lang={lang} id={`calls-${c.id}`} />
        <p class="hint">{t.counts_hint}</p>
      </Panel>
      <Panel title={t.where_title}>
        {props.targets.length === 0 ? (
          <p class="alert alert-info">{t.targets_none}</p>
        ) : (
          <ul class="list">
            {props.targets.map((target) => (
              <TargetItem {...props} target={target} writer={writer} />
            ))}
          </ul>
        )}
        {writer && props.targets.length < LIMITS.targets && (
          <p>
            <a class="button secondary" href={`/advocacy/${c.id}/targets/new`}>
              {t.add_target}
            </a>
          </p>
        )}
      </Panel>
      <Panel title={t.the_ask}>
        <Bilingual {...props} es={c.ask.es} en={c.ask.en} />
      </Panel>
      <Panel title={t.script}>
        <Bilingual {...props} es={c.script.es} en={c.script.en} />
      </Panel>
    </Page>
  );
}

function Bilingual(props: View & { es: string; en: string }) {
  const t = advocacyText[props.lang];
  return (
    <BilingualFacts
      class="facts advocacy-bilingual"
      es={{ label: t.in_es, text: props.es }}
      en={{ label: t.in_en, text: props.en }}
    />
  );
}

function TargetItem(props: Props & { target: Target; writer: boolean }) {
  const t = advocacyText[props.lang];
  const { target, campaign } = props;
  const base = `/advocacy/${campaign.id}/targets/${target.id}`;
  return (
    <li class="list-item advocacy-target" id={`target-${target.id}`}>
      <h3 class="title">{target.name}</h3>
      <span class="badge">{target.kind === "facility" ? t.target_facility : t.target_office}</span>
      <Facts
        items={[
          target.phones.length > 0 && {
            label: t.phones,
            value: (
              <CommaList
                items={target.phones.map((p) => <a href={telHref(p) ?? undefined}>{p}</a>)}
              />
            ),
          },
          target.address && { label: t.address, value: target.address, class: "prewrap" },
          target.hours && { label: t.hours, value: target.hours, class: "prewrap" },
        ]}
      />
      {target.facilityId && <p class="hint">{t.copied_from_directory}</p>}
      {props.writer && (
        <div class="advocacy-target-actions">
          <a class="button secondary" href={`${base}/edit`}>
            {t.edit_target}
            <span class="visually-hidden"> {target.name}</span>
          </a>
          {target.facilityId && (
            <ButtonForm action={`${base}/refresh`} csrf={props.csrf}>
              {t.refresh_target}
              <span class="visually-hidden"> {target.name}</span>
            </ButtonForm>
          )}
          <a class="danger-link" href={`${base}/delete`}>
            {t.remove_target}
            <span class="visually-hidden"> {target.name}</span>
          </a>
        </div>
      )}
    </li>
  );
}
