import { common } from "../../platform/common.messages";
import { Back } from "../../platform/ui/blocks";
import { FieldBox, fieldAria } from "../../platform/ui/field-frame";
import { Csrf, FormAlert, type FormState } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { SearchForm } from "../../platform/ui/list-page";
import { Empty } from "../../platform/ui/lists";
import { CASE_LIMITS } from "./case";
import type { View } from "./case-ui";
import { casesText } from "./defense.messages";

type CaseRef = { id: string; personDisplayName: string };

/** Find a person, then link them with a relationship (one small form per match). */
export function AddFamilyPage(
  props: View & {
    kase: CaseRef;
    q: string;
    people: { id: string; displayName: string }[];
    form: FormState;
  },
) {
  const t = casesText[props.lang];
  const { lang, kase } = props;
  const title = t.family_add_title(kase.personDisplayName);
  return (
    <Page {...props} title={title} section="cases">
      <div class="narrow">
        <Back link={{ href: `/cases/${kase.id}`, label: t.case_of(kase.personDisplayName) }} />
        <h1>{title}</h1>
        <FormAlert form={props.form} lang={lang} />
        <SearchForm
          action={`/cases/${kase.id}/family/new`}
          q={props.q}
          label={t.family_search}
          button={common[lang].search}
        />
        {props.q !== "" && props.people.length === 0 && (
          <Empty body={t.family_no_match} action={{ href: "/people/new", label: t.add_person }} />
        )}
        <ul class="list">
          {props.people.map((p, i) => (
            <li class="list-item">
              <form method="post" action={`/cases/${kase.id}/family`}>
                <Csrf token={props.csrf} />
                <input type="hidden" name="person_id" value={p.id} />
                <strong class="family-candidate">{p.displayName}</strong>
                <RelationshipField
                  lang={lang}
                  index={i}
                  name={p.displayName}
                  form={props.form}
                  personId={p.id}
                />
                <button type="submit" class="secondary">
                  {t.family_link}
                  <span class="visually-hidden"> {p.displayName}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}

function RelationshipField(props: {
  lang: View["lang"];
  index: number;
  name: string;
  form: FormState;
  personId: string;
}) {
  const t = casesText[props.lang];
  // One form per person: only the one that was sent shows its value and error.
  const mine = props.form.values.person_id === props.personId;
  const id = `f-relationship-${props.index}`;
  const error = mine ? props.form.errors.relationship : undefined;
  const frame = {
    id,
    hint: t.relationship_hint,
    error: error && common[props.lang][`field_${error}`],
  };
  return (
    <FieldBox
      {...frame}
      label={
        <>
          {t.relationship}
          <span class="visually-hidden"> ({props.name})</span>
        </>
      }
    >
      <input
        id={id}
        name="relationship"
        type="text"
        value={mine ? (props.form.values.relationship ?? "") : ""}
        maxlength={CASE_LIMITS.relationship}
        autocomplete="off"
        {...fieldAria(frame)}
      />
    </FieldBox>
  );
}
