import { common } from "../../../platform/common.messages";
import { CURRENCIES } from "../../../platform/money";
import { FormPage } from "../../../platform/ui/blocks";
import { CheckItem } from "../../../platform/ui/field-frame";
import {
  Checkbox,
  Field,
  FormPanel,
  type FormState,
  optionsOf,
  Select,
  TextArea,
} from "../../../platform/ui/forms";
import type { ViewProps } from "../../../platform/ui/view";
import { LIMITS } from "../campaign";
import { fundsText } from "../funds.messages";

type Props = ViewProps & {
  form: FormState;
  /** Present when editing. */
  campaign?: { id: string; title: string };
  /** The linked case's person, when there is one the user may see. */
  caseName?: string | null;
  /** Cases to pick from (open ones, and the linked one), for those who may read cases. */
  cases?: { id: string; name: string }[] | null;
};

export function CampaignFormPage(props: Props) {
  const { form, lang } = props;
  const t = fundsText[lang];
  const title = props.campaign ? t.edit_title(props.campaign.title) : t.new_title;
  const action = props.campaign ? `/funds/${props.campaign.id}` : "/funds";
  const cancel = props.campaign ? `/funds/${props.campaign.id}` : "/funds";
  const caseId = form.values.case_id ?? "";
  return (
    <FormPage
      {...props}
      title={title}
      section="funds"
      form={form}
      action={action}
      submitLabel={props.campaign ? common[lang].save : t.create_submit}
      cancelHref={cancel}
    >
      <FormPanel title={t.section_texts}>
        <Field name="title_es" label={t.title_es} maxlength={LIMITS.title} />
        <Field name="title_en" label={t.title_en} hint={t.title_hint} maxlength={LIMITS.title} />
        <TextArea name="story_es" label={t.story_es} hint={t.story_hint} maxlength={LIMITS.story} />
        <TextArea name="story_en" label={t.story_en} hint={t.story_hint} maxlength={LIMITS.story} />
        <Field
          name="slug"
          label={t.slug}
          hint={t.slug_hint}
          required
          maxlength={LIMITS.slug}
          autocomplete="off"
        />
      </FormPanel>
      <FormPanel title={t.section_money}>
        <div class="grid-2">
          <Field name="goal" label={t.goal} hint={t.goal_hint} required autocomplete="off" />
          <Select name="currency" label={t.currency} options={optionsOf(CURRENCIES, (c) => c)} />
        </div>
        <Field name="milestones" label={t.milestones} hint={t.milestones_hint} autocomplete="off" />
      </FormPanel>
      <FormPanel title={t.section_visibility}>
        <Checkbox name="open" label={t.open_label} />
        <Checkbox name="public" label={t.public_label} />
        {props.cases ? (
          <>
            <Select
              name="case_id"
              label={t.case_label}
              blank={t.case_none}
              options={props.cases.map((k) => ({ value: k.id, label: k.name }))}
            />
            <p class="hint">{t.case_hint}</p>
          </>
        ) : (
          <>
            {caseId && props.caseName && (
              <CheckItem
                id="f-case_id"
                name="case_id"
                value={caseId}
                checked
                label={t.linked_case_keep(props.caseName)}
              />
            )}
            {caseId && !props.caseName && <input type="hidden" name="case_id" value={caseId} />}
            {form.errors.case_id && (
              <p class="error">{common[lang][`field_${form.errors.case_id}`]}</p>
            )}
          </>
        )}
      </FormPanel>
    </FormPage>
  );
}
