import { formatDay } from "../../platform/i18n";
import { type Cents, type Currency, formatMoney } from "../../platform/money";
import { Field, Form, FormAlert, type FormState, Select, Submit } from "../../platform/ui/forms";
import { Empty, ItemList, Meta } from "../../platform/ui/lists";
import { suppliesText } from "./supplies.messages";
import { SectionPage, type View } from "./supplies-ui";

export type DepositLine = {
  id: string;
  kind: "commissary" | "phone";
  amountCents: number;
  currency: string;
  facility: string;
  vendor: string;
  referenceLast4: string | null;
  depositedOn: string;
};

export function DepositsPage(
  props: View & {
    deposits: DepositLine[];
    funds: { id: string; title: string }[];
    form: FormState;
    notice?: string | undefined;
  },
) {
  const t = suppliesText[props.lang];
  const { lang, form } = props;
  return (
    <SectionPage {...props} title={t.deposits_title} lede={t.deposits_lede}>
      {props.funds.length === 0 ? (
        <Empty
          body={t.deposits_no_funds}
          action={{ href: "/funds", label: t.deposits_to_funds, secondary: true }}
        />
      ) : (
        <Form action="/supplies/deposits" class="narrow" csrf={props.csrf} form={form} lang={lang}>
          <FormAlert form={form} lang={lang} />
          <Select
            name="campaignId"
            label={t.deposit_fund}
            options={props.funds.map((f) => ({ value: f.id, label: f.title }))}
          />
          <Select
            name="kind"
            label={t.deposit_kind}
            options={[
              { value: "commissary", label: t.deposit_commissary },
              { value: "phone", label: t.deposit_phone },
            ]}
          />
          <Field name="amount" label={t.deposit_amount} required inputmode="decimal" />
          <Field name="facility" label={t.deposit_facility} required maxlength={500} />
          <Field name="vendor" label={t.deposit_vendor} required maxlength={500} />
          <Field
            name="reference"
            label={t.deposit_reference}
            hint={t.deposit_reference_hint}
            maxlength={200}
          />
          <Field name="depositedOn" label={t.deposit_date} type="date" required />
          <Submit label={t.deposit_submit} />
        </Form>
      )}
      <h2>{t.deposits_recent}</h2>
      <ItemList
        items={props.deposits}
        none={t.deposits_empty}
        noneClass=""
        item={(d) => (
          <>
            <span class="title">
              {formatMoney(d.amountCents as Cents, d.currency as Currency, lang)} ·{" "}
              {d.kind === "commissary" ? t.deposit_commissary : t.deposit_phone}
            </span>
            <Meta
              items={[
                d.facility,
                d.vendor,
                d.referenceLast4 ? `••••${d.referenceLast4}` : null,
                formatDay(d.depositedOn, lang),
              ]}
            />
          </>
        )}
      />
    </SectionPage>
  );
}
