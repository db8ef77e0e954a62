import { pick } from "../../../platform/bilingual";
import { formatNumber } from "../../../platform/i18n";
import { cents, formatMoney } from "../../../platform/money";
import { Notice, PageHead, Stats } from "../../../platform/ui/blocks";
import { FieldBox, fieldAria } from "../../../platform/ui/field-frame";
import { Actions, Csrf } from "../../../platform/ui/forms";
import { Page } from "../../../platform/ui/layout";
import type { ViewProps } from "../../../platform/ui/view";
import type { Campaign } from "../campaign";
import type { CampaignTotals } from "../campaigns/campaign-totals";
import { fundsText } from "../funds.messages";
import type { GiftImportResult } from "../gift-sources.schema";
import { importText } from "./funds-import.messages";

export type ImportPageBase = ViewProps;

export const importPath = (campaignId: string) => `/funds/${campaignId}/import`;
export const importPreviewPath = (campaignId: string, importId: string) =>
  `/funds/${campaignId}/imports/${importId}`;

/** Choose a file; `alert` explains why the last one couldn't be read. */
export function UploadPage(
  props: ImportPageBase & {
    campaign: Campaign;
    alert?: string | undefined;
    notice?: string | undefined;
  },
) {
  const t = importText[props.lang];
  const c = props.campaign;
  const file = { id: "f-file", hint: t.file_hint, error: props.alert };
  return (
    <Page {...props} title={t.upload_title} section="funds">
      <div class="narrow">
        <PageHead title={t.upload_title} />
        <p class="lede">{pick(c.title, props.lang).text}</p>
        <Notice text={props.notice} />
        <div class="panel">
          <p>{t.upload_lede}</p>
          <form method="post" action={importPath(c.id)} enctype="multipart/form-data" novalidate>
            <Csrf token={props.csrf} />
            <FieldBox {...file} label={t.file_label} alert>
              <input
                id="f-file"
                name="file"
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                required
                {...fieldAria(file)}
              />
            </FieldBox>
            <Actions>
              <button type="submit" class="primary">
                {t.upload_submit}
              </button>
              <a href={`/funds/${c.id}`}>{t.back_to_campaign}</a>
            </Actions>
          </form>
        </div>
      </div>
    </Page>
  );
}

/** After the commit: what was recorded, and the campaign's totals now. */
export function ImportDonePage(
  props: ImportPageBase & {
    campaign: Campaign;
    result: GiftImportResult;
    replayed: boolean;
    totals: CampaignTotals;
  },
) {
  const { lang, campaign: c, result } = props;
  const t = importText[lang];
  const tf = fundsText[lang];
  const money = (n: number) => formatMoney(cents(n), c.currency, lang);
  return (
    <Page {...props} title={t.done_title} section="funds">
      <PageHead title={t.done_title} />
      <p class="lede">{pick(c.title, lang).text}</p>
      <Notice
        text={t.done_body(
          formatNumber(result.recorded, lang),
          money(result.recordedCents),
          formatNumber(result.skipped, lang),
        )}
      />
      {props.replayed && <p class="muted">{t.done_again}</p>}
      <section class="panel" aria-labelledby="now-title">
        <h2 class="panel-title" id="now-title">
          {t.campaign_now}
        </h2>
        <Stats
          items={[
            { value: money(props.totals.raisedCents), label: tf.raised },
            { value: money(props.totals.availableCents), label: tf.available },
            { value: formatNumber(props.totals.gifts, lang), label: tf.gifts_count },
          ]}
        />
      </section>
      <Actions>
        <a class="button primary" href={`/funds/${c.id}#gifts`}>
          {t.back_to_campaign}
        </a>
        <a href={importPath(c.id)}>{t.another}</a>
      </Actions>
    </Page>
  );
}
