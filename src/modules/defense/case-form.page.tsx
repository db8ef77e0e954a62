import { common } from "../../platform/common.messages";
import { FormPage } from "../../platform/ui/blocks";
import {
  Checkbox,
  Field,
  FormPanel,
  type FormState,
  optionsOf,
  Select,
  TextArea,
} from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { SearchForm } from "../../platform/ui/list-page";
import { Empty, ItemList } from "../../platform/ui/lists";
import { CASE_LIMITS, CASE_STATUSES } from "./case";
import { CURRENCY_OPTIONS } from "./case-form";
import type { View } from "./case-ui";
import { casesText } from "./defense.messages";

type Props = View & {
  form: FormState;
  person: { id: string; displayName: string };
  facilities: { id: string; name: string }[];
  /** Present when editing. */
  caseId?: string;
  withSensitive: boolean;
  /** A new case for a person who already has an open one: that case, to warn first. */
  openCaseId?: string | null;
};

export function CaseFormPage(props: Props) {
  const t = casesText[props.lang];
  const { form, lang } = props;
  const title = props.caseId
    ? t.edit_title(props.person.displayName)
    : t.open_case_for(props.person.displayName);
  const back = props.caseId ? `/cases/${props.caseId}` : `/people/${props.person.id}`;
  return (
    <FormPage
      {...props}
      title={title}
      section="cases"
      form={form}
      action={props.caseId ? `/cases/${props.caseId}` : "/cases"}
      submitLabel={props.caseId ? common[lang].save : t.create_submit}
      cancelHref={back}
      intro={
        props.openCaseId &&
        !props.caseId && (
          <div class="alert alert-warn" role="alert">
            <p>{t.second_case_warning}</p>
            <a href={`/cases/${props.openCaseId}`}>{t.second_case_link}</a>
          </div>
        )
      }
    >
      <input type="hidden" name="person_id" value={props.person.id} />
      <FormPanel>
        <Select
          name="status"
          label={t.status}
          options={optionsOf(CASE_STATUSES, (s) => t[`status_${s}`])}
        />
        <Select
          name="facility_id"
          label={t.facility}
          blank={t.facility_none}
          options={props.facilities.map((f) => ({ value: f.id, label: f.name }))}
        />
        <Field
          name="new_facility"
          label={t.new_facility}
          hint={t.new_facility_hint}
          maxlength={200}
          autocomplete="off"
        />
        <Field
          name="detained_on"
          type="date"
          label={t.detained_on}
          hint={props.caseId ? undefined : t.detained_on_hint}
        />
      </FormPanel>
      {!props.caseId && (
        <FormPanel title={t.next_hearing} hint={t.hearing_hint}>
          <div class="grid-2">
            <Field name="hearing_date" type="date" label={t.hearing_date} />
            <Field name="hearing_time" type="time" label={t.hearing_time} />
          </div>
          <Field name="hearing_court" label={t.hearing_court} maxlength={200} />
        </FormPanel>
      )}
      <FormPanel title={t.lawyer}>
        <Field
          name="lawyer_name"
          label={t.lawyer_name}
          maxlength={CASE_LIMITS.name}
          autocomplete="off"
        />
        <Field
          name="lawyer_contact"
          label={t.lawyer_contact}
          hint={t.lawyer_contact_hint}
          maxlength={CASE_LIMITS.contact}
          autocomplete="off"
        />
        <div class="grid-2">
          <Field
            name="bond_amount"
            label={t.bond_amount}
            hint={t.bond_amount_hint}
            inputmode="numeric"
            autocomplete="off"
          />
          <Select name="bond_currency" label={t.currency} options={CURRENCY_OPTIONS} />
        </div>
        <TextArea name="needs" label={t.needs} hint={t.needs_hint} maxlength={CASE_LIMITS.needs} />
      </FormPanel>
      {props.withSensitive && (
        <FormPanel class="sensitive" title={t.sensitive_title} hint={t.sensitive_hint}>
          <Field
            name="a_number"
            label={t.a_number}
            hint={t.a_number_hint}
            maxlength={40}
            autocomplete="off"
          />
          <Field name="birthdate" type="date" label={t.birthdate} autocomplete="off" />
          <TextArea
            name="notes"
            label={t.notes}
            hint={t.notes_hint}
            maxlength={CASE_LIMITS.notes}
          />
        </FormPanel>
      )}
      <FormPanel title={t.public_title} hint={t.public_hint}>
        <Checkbox name="public" label={t.public_flag} />
        <TextArea name="public_story_es" label={t.public_story_es} maxlength={CASE_LIMITS.story} />
        <TextArea name="public_story_en" label={t.public_story_en} maxlength={CASE_LIMITS.story} />
      </FormPanel>
    </FormPage>
  );
}

/** Step one of opening a case without a person chosen: find them. */
export function ChoosePersonPage(
  props: View & { q: string; people: { id: string; displayName: string }[]; canAddPeople: boolean },
) {
  const t = casesText[props.lang];
  return (
    <Page {...props} title={t.new_title} section="cases">
      <div class="narrow">
        <h1>{t.choose_person}</h1>
        <p class="hint">{t.choose_person_hint}</p>
        <SearchForm
          action="/cases/new"
          q={props.q}
          label={t.search_label}
          button={common[props.lang].search}
        />
        {props.q !== "" && props.people.length === 0 && (
          <Empty
            body={t.family_no_match}
            action={props.canAddPeople && { href: "/people/new", label: t.add_person }}
          />
        )}
        {props.people.length > 0 && (
          <ItemList
            items={props.people}
            item={(p) => (
              <>
                <a class="title" href={`/cases/new?person=${p.id}`}>
                  {p.displayName}
                </a>
                <span class="meta">{t.choose}</span>
              </>
            )}
          />
        )}
      </div>
    </Page>
  );
}
