import { pick } from "../../platform/bilingual";
import type { Lang } from "../../platform/i18n";
import { cents, formatMoney } from "../../platform/money";
import { Paragraphs, PublicLayout } from "../../platform/ui/public-layout";
import { progress } from "../funds/campaign";
import { nextStepText } from "../funds/campaigns/campaign-ui";
import { DISBURSEMENT_PURPOSES } from "../funds/public-campaign-record";
import { AdvocacySection } from "./advocacy-section";
import { publicText } from "./public.messages";
import { inLang, type PublicCampaign } from "./public-campaign";

export type PublicPageOptions = {
  lang: Lang;
  /** Absolute URL of the page, without ?lang (what people share). */
  url: string;
  /** Where the online-giving button goes; null when online gifts aren't set up. */
  giveUrl: string | null;
};

// Colours of the "where the money went" bar; each has a swatch in the list beside it.
const COLOURS = {
  legal_fees: "#084e49",
  bond: "#3d7ea6",
  family_support: "#8a5a9e",
  detention_accounts: "#5c6bc0",
  other: "#6b7178",
  on_bond: "#c46a12",
  forfeited: "#9c2b23",
  available: "#6fb8ad",
} as const;

export function CampaignPublicPage(props: { data: PublicCampaign } & PublicPageOptions) {
  const { data, lang } = props;
  const { campaign, org } = data;
  const t = publicText[lang];
  const story = inLang(campaign.story, lang);
  const caseStory = data.caseStory ? inLang(data.caseStory, lang) : null;
  const title = pick(campaign.title, lang);
  const description = summary(story?.text ?? title.text, 200);
  return (
    <PublicLayout
      lang={lang}
      title={title.text}
      description={description}
      orgName={org.name}
      url={props.url}
    >
      <article class="pub-campaign">
        <h1 lang={title.lang === lang ? undefined : title.lang}>{title.text}</h1>
        <Progress data={data} lang={lang} />
        {story && (
          <section aria-labelledby="story">
            <h2 id="story">{t.story_heading}</h2>
            <Paragraphs text={story.text} lang={story.lang === lang ? undefined : story.lang} />
          </section>
        )}
        {caseStory && (
          <section aria-labelledby="case">
            <h2 id="case">{t.case_heading}</h2>
            <Paragraphs
              text={caseStory.text}
              lang={caseStory.lang === lang ? undefined : caseStory.lang}
            />
          </section>
        )}
        <Give data={data} lang={lang} giveUrl={props.giveUrl} />
        {/* Stored bytes, the same for everyone: no CSRF token, so "I called" is a link. */}
        <AdvocacySection
          items={data.advocacy}
          lang={lang}
          orgSlug={org.slug}
          campaignSlug={campaign.slug}
        />
        <MoneyWent data={data} lang={lang} />
        <section aria-labelledby="share" class="pub-share">
          <h2 id="share">{t.share_heading}</h2>
          <p>{t.share_hint}</p>
          <p class="pub-url">
            <a href={`${props.url}?lang=${lang}`}>{props.url}</a>
          </p>
          <p>
            <a href={`${props.url}/flyer.pdf`} type="application/pdf">
              {t.flyer_link}
            </a>
          </p>
        </section>
      </article>
    </PublicLayout>
  );
}

function Progress(props: { data: PublicCampaign; lang: Lang }) {
  const { campaign, totals } = props.data;
  const lang = props.lang;
  const t = publicText[lang];
  const money = (n: number) => formatMoney(cents(n), campaign.currency, lang);
  const p = progress(totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  const at = (amount: number) => Math.min(100, (amount * 100) / campaign.goalCents);
  const filled = Math.min(100, (totals.raisedCents * 100) / campaign.goalCents);
  // Nothing raised yet: the goal alone, no "$0.00 raised" and no empty bar.
  if (totals.raisedCents <= 0) {
    return (
      <section class="pub-progress">
        <p class="pub-raised">
          <strong>{t.goal_only(money(campaign.goalCents))}</strong>
        </p>
      </section>
    );
  }
  return (
    <section class="pub-progress">
      <p class="pub-raised">
        <strong>{money(totals.raisedCents)}</strong>{" "}
        <span>{t.raised_of_goal(money(campaign.goalCents))}</span>
      </p>
      <svg
        class="pub-meter"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="img"
        aria-label={t.progress_label(
          money(totals.raisedCents),
          money(campaign.goalCents),
          String(p.percent),
        )}
      >
        <rect x="0" y="0" width="100" height="10" fill="#dfe3de" />
        <rect x="0" y="0" width={filled.toFixed(2)} height="10" fill="#0b6760" />
        {campaign.milestonesCents.map((m) => (
          <rect
            x={(at(m) - 0.3).toFixed(2)}
            y="0"
            width="0.6"
            height="10"
            fill={m <= totals.raisedCents ? "#ffffff" : "#1c2024"}
          />
        ))}
      </svg>
      <p class="pub-counts">
        <span>{t.percent_of_goal(String(p.percent))}</span>
        {totals.gifts > 0 && <span>{t.gifts_count(totals.gifts)}</span>}
      </p>
      <p class="pub-next">
        {nextStepText(p.next, t, money)}
        {campaign.milestonesCents.length > 0 && ` ${t.milestone_marks}`}
      </p>
    </section>
  );
}

function Give(props: { data: PublicCampaign; lang: Lang; giveUrl: string | null }) {
  const { campaign, org } = props.data;
  const t = publicText[props.lang];
  if (!campaign.open) {
    return (
      <section aria-labelledby="give" class="pub-give">
        <h2 id="give">{t.give_heading}</h2>
        <p>{t.closed_note}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="give" class="pub-give">
      <h2 id="give">{t.give_heading}</h2>
      {props.giveUrl && (
        <p>
          <a class="pub-button" href={props.giveUrl}>
            {t.give_online}
          </a>
        </p>
      )}
      <ul class="pub-ways">
        <li>{t.give_cash(org.name)}</li>
        <li>{t.give_check(org.name)}</li>
      </ul>
      <p class="pub-muted">{t.give_private}</p>
    </section>
  );
}

type Slice = { key: keyof typeof COLOURS; label: string; amount: number };

function MoneyWent(props: { data: PublicCampaign; lang: Lang }) {
  const { campaign, totals, spending } = props.data;
  const lang = props.lang;
  const t = publicText[lang];
  const money = (n: number) => formatMoney(cents(n), campaign.currency, lang);
  const slices: Slice[] = [
    ...DISBURSEMENT_PURPOSES.map((p) => ({
      key: p,
      label: t[`purpose_${p}`],
      amount: spending[p] as number,
    })),
    { key: "on_bond" as const, label: t.on_bond, amount: totals.onBondCents },
    { key: "forfeited" as const, label: t.forfeited, amount: totals.forfeitedCents },
    { key: "available" as const, label: t.available, amount: totals.availableCents },
  ].filter((s) => s.amount > 0);
  const total = slices.reduce((sum, s) => sum + s.amount, 0);
  let x = 0;
  return (
    <section aria-labelledby="money" class="pub-money">
      <h2 id="money">{t.money_heading}</h2>
      {total === 0 ? (
        <p>{t.nothing_yet}</p>
      ) : (
        <>
          <p>{t.money_intro}</p>
          <svg class="pub-split" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            {slices.map((s) => {
              const width = (s.amount * 100) / total;
              const rect = (
                <rect
                  x={x.toFixed(2)}
                  y="0"
                  width={width.toFixed(2)}
                  height="10"
                  fill={COLOURS[s.key]}
                />
              );
              x += width;
              return rect;
            })}
          </svg>
          <ul class="pub-legend">
            {slices.map((s) => (
              <li>
                <svg class="pub-swatch" viewBox="0 0 10 10" aria-hidden="true">
                  <rect width="10" height="10" fill={COLOURS[s.key]} />
                </svg>
                <span class="pub-legend-label">{s.label}</span>
                <span class="pub-legend-amount">{money(s.amount)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The start of a text on one line, cut at a word, for the page description. */
function summary(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : max)}…`;
}
