import { pick } from "../../../platform/bilingual";
import { formatDateTime, formatNumber, type Lang } from "../../../platform/i18n";
import { cents, formatMoney } from "../../../platform/money";
import { Alert, PageHead, Stats } from "../../../platform/ui/blocks";
import {
  Actions,
  ButtonForm,
  Csrf,
  Field,
  Form,
  FormAlert,
  type FormState,
  optionsOf,
  Select,
} from "../../../platform/ui/forms";
import { Page, Panel } from "../../../platform/ui/layout";
import { ItemList, Meta } from "../../../platform/ui/lists";
import type { Campaign } from "../campaign";
import { activityText } from "../campaigns/funds-activity.messages";
import { GIFT_METHODS } from "../gifts/gift";
import { importText } from "./funds-import.messages";
import { type ImportPageBase, importPreviewPath } from "./funds-import.pages";
import { DATE_ORDERS, GIFT_FIELDS, type GiftCsvMapping, type GiftField } from "./gift-csv";
import type { GiftCsvPreview, RowOutcome, RowProblem, RowSkip } from "./gift-csv-rows";
import type { GiftImport } from "./gift-import-record";

const SHOWN_ROWS = 20;
const SHOWN_LINES = 100;

type Texts = (typeof importText)[Lang];

export type PreviewPageProps = ImportPageBase & {
  campaign: Campaign;
  imp: GiftImport;
  preview: GiftCsvPreview;
  digest: string;
  /** The mapping form, as typed when it failed, else from the stored mapping. */
  form: FormState;
  alert?: string | undefined;
};

export function mappingToForm(mapping: GiftCsvMapping): Record<string, string> {
  const values: Record<string, string> = {
    date_order: mapping.dateOrder,
    source: mapping.source,
    method: mapping.method,
  };
  for (const field of GIFT_FIELDS) {
    const index = mapping.columns[field];
    values[`col_${field}`] = index === null ? "" : String(index);
  }
  return values;
}

function problemText(t: Texts, p: RowProblem, currency: string): string {
  switch (p.kind) {
    case "short_row":
      return t.p_short_row(t[`f_${p.field}`]);
    case "bad_amount":
      if (p.reason === "empty") return t.p_bad_amount_empty;
      if (p.reason === "not_positive") return t.p_bad_amount_not_positive(p.value);
      if (p.reason === "fractional_cent") return t.p_bad_amount_fractional(p.value);
      if (p.reason === "too_large") return t.p_bad_amount_too_large(p.value);
      return t.p_bad_amount(p.value);
    case "bad_date":
      return t.p_bad_date(p.value);
    case "wrong_currency":
      return t.p_wrong_currency(p.value, currency);
    case "duplicate_id":
      return t.p_duplicate_id(p.value, String(p.firstLine));
    case "bad_id":
      return t.p_bad_id(p.value);
    case "other_source":
      return t.p_other_source(p.value, p.source);
  }
}

function skipText(t: Texts, s: RowSkip): string {
  if (s.kind === "status") return t.s_status(s.value);
  if (s.kind === "repeated_line") return t.s_repeated_line(String(s.firstLine));
  if (s.kind === "refunded") return t.s_refunded;
  return s.kind === "already_imported" ? t.s_already_imported : t.s_summary_line;
}

/** One line per row, "Line 7: ...", at most SHOWN_LINES, then how many more. */
function LineList(props: { lang: Lang; items: { line: number; text: string }[] }) {
  const t = importText[props.lang];
  const shown = props.items.slice(0, SHOWN_LINES);
  return (
    <>
      <ItemList
        items={shown}
        item={(item) => (
          <>
            <span class="title">{t.line(String(item.line))}</span>
            <span class="meta">{item.text}</span>
          </>
        )}
      />
      {props.items.length > shown.length && (
        <p class="muted">
          {t.more_lines(formatNumber(props.items.length - shown.length, props.lang))}
        </p>
      )}
    </>
  );
}

function Notices(props: { lang: Lang; imp: GiftImport; preview: GiftCsvPreview }) {
  const t = importText[props.lang];
  const { imp, preview } = props;
  const notes: string[] = [];
  if (imp.encoding === "windows-1252") notes.push(t.enc_windows_1252);
  if (imp.encoding === "utf-16le" || imp.encoding === "utf-16be") notes.push(t.enc_utf_16);
  return (
    <>
      {notes.map((n) => (
        <div class="alert alert-info" role="status">
          {n}
        </div>
      ))}
      <Alert text={imp.lossy && t.enc_lossy} />
      <Alert
        text={
          preview.missing.length > 0 &&
          t.missing_columns(preview.missing.map((f) => t[`f_${f}`]).join(", "))
        }
      />
    </>
  );
}

function outcomesOf<S extends RowOutcome["status"]>(preview: GiftCsvPreview, status: S) {
  return preview.outcomes.filter(
    (o): o is Extract<RowOutcome, { status: S }> => o.status === status,
  );
}

export function GiftImportPreviewPage(props: PreviewPageProps) {
  const { lang, campaign: c, imp, preview } = props;
  const t = importText[lang];
  const ta = activityText[lang];
  const tz = props.auth.org.timeZone;
  const money = (n: number) => formatMoney(cents(n), c.currency, lang);
  const num = (n: number) => formatNumber(n, lang);
  const problems = outcomesOf(preview, "problem").flatMap((o) =>
    o.problems.map((p) => ({ line: o.line, text: problemText(t, p, c.currency) })),
  );
  const skipped = outcomesOf(preview, "skip").map((o) => ({
    line: o.line,
    text: skipText(t, o.skip),
  }));
  const repeats = outcomesOf(preview, "ok").flatMap((o) =>
    o.repeatOf === null ? [] : [{ line: o.line, text: t.n_repeat(String(o.repeatOf)) }],
  );
  const noIds = preview.missing.length === 0 && imp.mapping.columns.external_id === null;
  const example = preview.dayOrder.order === "dmy" ? t.date_order_dmy : t.date_order_mdy;
  const action = importPreviewPath(c.id, imp.id);
  const stats: [string, string][] = [
    [num(imp.rows.length), t.stat_rows],
    [num(preview.toRecord.length), t.stat_to_record],
    [money(preview.recordCents), t.stat_total],
    [num(preview.skipped), t.stat_skipped],
    [num(preview.problemRows), t.stat_problems],
  ];
  const columnOptions = [
    { value: "", label: t.not_in_file },
    ...imp.headers.map((header, index) => {
      const sample = imp.rows.find((r) => (r.cells[index] ?? "") !== "")?.cells[index];
      const label = header || `#${index + 1}`;
      return {
        value: String(index),
        label: sample ? t.column_example(label, sample.slice(0, 30)) : label,
      };
    }),
  ];
  return (
    <Page {...props} title={t.preview_title} section="funds">
      <PageHead title={t.preview_title} />
      <p class="lede">
        {t.preview_lede(imp.fileName, pick(c.title, lang).text)} {t.nothing_saved}
      </p>
      <Alert text={props.alert} />
      <Notices lang={lang} imp={imp} preview={preview} />
      <Stats class="money-stats" items={stats.map(([value, label]) => ({ value, label }))} />

      {problems.length > 0 && (
        <Panel id="problems" title={t.problems_title} labelled>
          <p>{t.problems_lede}</p>
          <LineList lang={lang} items={problems} />
        </Panel>
      )}

      <Panel id="rows" title={t.rows_title} labelled>
        {preview.toRecord.length === 0 ? (
          <p class="empty">{t.rows_none}</p>
        ) : (
          <>
            <p class="muted">
              {t.rows_first(
                num(Math.min(SHOWN_ROWS, preview.toRecord.length)),
                num(preview.toRecord.length),
              )}
            </p>
            <ItemList
              items={preview.toRecord.slice(0, SHOWN_ROWS)}
              item={(g) => (
                <>
                  <span class="title">{money(g.amountCents)}</span>
                  <span class={`badge ${g.anonymous ? "badge-muted" : ""}`}>
                    {g.anonymous ? t.anonymous : t.shown_name}
                  </span>
                  <Meta
                    items={[
                      t.line(String(g.line)),
                      formatDateTime(g.receivedAt, lang, tz),
                      g.donorName,
                      g.idFromFile ? g.externalId : t.id_hash,
                    ]}
                  />
                </>
              )}
            />
          </>
        )}
      </Panel>

      {skipped.length > 0 && (
        <Panel id="skipped" title={t.skipped_title} labelled>
          <LineList lang={lang} items={skipped} />
        </Panel>
      )}

      {(repeats.length > 0 || noIds || preview.dayOrder.guessed) && (
        <Panel id="notes" title={t.notes_title} labelled>
          {noIds && <p>{t.n_no_ids}</p>}
          {preview.dayOrder.guessed && preview.missing.length === 0 && (
            <p>{t.n_dates_guessed(example)}</p>
          )}
          {repeats.length > 0 && <LineList lang={lang} items={repeats} />}
        </Panel>
      )}

      <Panel id="mapping" title={t.mapping_title} labelled>
        <p>{t.mapping_lede}</p>
        <FormAlert form={props.form} lang={lang} />
        <Form action={action} csrf={props.csrf} form={props.form} lang={lang}>
          <div class="grid-2">
            {GIFT_FIELDS.map((field: GiftField) => (
              <Select name={`col_${field}`} label={t[`f_${field}`]} options={columnOptions} />
            ))}
            <Select
              name="date_order"
              label={t.date_order}
              options={optionsOf(DATE_ORDERS, (o) => t[`date_order_${o}`])}
            />
            <Select
              name="method"
              label={t.method}
              options={optionsOf(GIFT_METHODS, (m) => ta[`method_${m}`])}
            />
          </div>
          <Field
            name="source"
            label={t.source}
            hint={t.source_hint}
            required
            maxlength={40}
            autocomplete="off"
          />
          <Actions>
            <button type="submit" class="secondary">
              {t.mapping_submit}
            </button>
          </Actions>
        </Form>
      </Panel>

      <section class="panel import-decide" aria-label={t.preview_title}>
        {preview.committable && preview.toRecord.length > 0 ? (
          <form method="post" action={`${action}/commit`}>
            <Csrf token={props.csrf} />
            <input type="hidden" name="digest" value={props.digest} />
            <p class="hint">{t.commit_hint}</p>
            <Actions>
              <button type="submit" class="primary">
                {t.commit_submit(preview.toRecord.length, money(preview.recordCents))}
              </button>
            </Actions>
          </form>
        ) : (
          !preview.committable && <p>{t.cannot_commit}</p>
        )}
        <ButtonForm action={`${action}/discard`} csrf={props.csrf} block>
          {t.discard}
        </ButtonForm>
      </section>
    </Page>
  );
}
