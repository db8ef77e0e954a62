import { common } from "../../platform/common.messages";
import { FormPage } from "../../platform/ui/blocks";
import { Checkbox, Field, type FormState, Select, TextArea } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { Empty } from "../../platform/ui/lists";
import { advocacyText } from "./advocacy.messages";
import type { View } from "./advocacy-ui";
import { LIMITS } from "./call-campaign";

export type CaseOption = { id: string; name: string };

type Props = View & {
  form: FormState;
  cases: CaseOption[];
  campaign?: { id: string; title: string };
};

export function CallCampaignFormPage(props: Props) {
  const t = advocacyText[props.lang];
  const { form, lang } = props;
  const title = props.campaign ? t.edit_title(props.campaign.title) : t.new_title;
  const back = props.campaign ? `/advocacy/${props.campaign.id}` : "/advocacy";
  if (props.cases.length === 0) {
    return (
      <Page {...props} title={title} section="advocacy">
        <div class="narrow">
          <h1>{title}</h1>
          <Empty
            title={t.no_cases_title}
            body={t.no_cases_body}
            action={{ href: "/cases", label: t.go_cases }}
          />
        </div>
      </Page>
    );
  }
  const text = (name: string, label: string, max: number) => (
    <Field name={name} label={label} maxlength={max} />
  );
  const area = (name: string, label: string, max: number, hint?: string) => (
    <TextArea name={name} label={label} hint={hint} maxlength={max} />
  );
  return (
    <FormPage
      {...props}
      title={title}
      section="advocacy"
      form={form}
      action={props.campaign ? `/advocacy/${props.campaign.id}` : "/advocacy"}
      submitLabel={props.campaign ? common[lang].save : t.create_submit}
      cancelHref={back}
      back={{ href: back, label: props.campaign ? props.campaign.title : t.title }}
    >
      <div class="panel">
        <Select
          name="case_id"
          label={t.case}
          required
          blank={t.case_choose}
          options={props.cases.map((c) => ({ value: c.id, label: c.name }))}
        />
        <p class="hint">{t.case_hint}</p>
        <Select
          name="kind"
          label={t.kind}
          required
          options={[
            { value: "call", label: t.kind_call_option },
            { value: "visit", label: t.kind_visit_option },
          ]}
        />
      </div>
      <p class="hint">{t.one_language_hint}</p>
      <div class="panel">
        {text("title_es", t.title_es, LIMITS.title)}
        {area("ask_es", t.ask_es, LIMITS.ask, t.ask_hint)}
        {area("script_es", t.script_es, LIMITS.script, t.script_hint)}
      </div>
      <div class="panel">
        {text("title_en", t.title_en, LIMITS.title)}
        {area("ask_en", t.ask_en, LIMITS.ask, t.ask_hint)}
        {area("script_en", t.script_en, LIMITS.script, t.script_hint)}
      </div>
      <div class="panel">
        <Checkbox name="open" label={t.open_label} />
        <Checkbox name="public" label={t.public_label} />
      </div>
    </FormPage>
  );
}
