import { FormPage } from "../../platform/ui/blocks";
import { Checkbox, Field, type FormState, Select, TextArea } from "../../platform/ui/forms";
import type { Drive } from "./drive-record";
import { suppliesText } from "./supplies.messages";
import type { View } from "./supplies-ui";

export function driveToForm(d: Drive): Record<string, string> {
  return {
    slug: d.slug,
    title_es: d.title.es,
    title_en: d.title.en,
    description_es: d.description.es,
    description_en: d.description.en,
    serves: d.serves,
    servesNote: d.servesNote ?? "",
    startsOn: d.startsOn ?? "",
    endsOn: d.endsOn ?? "",
    public: d.public ? "on" : "",
    open: d.open ? "on" : "",
  };
}

/** The form's flat fields as DriveFieldsSchema takes them. */
export function formToDrive(v: Record<string, string>) {
  return {
    slug: v.slug ?? "",
    title: { es: v.title_es ?? "", en: v.title_en ?? "" },
    description: { es: v.description_es ?? "", en: v.description_en ?? "" },
    serves: v.serves || "other",
    servesNote: v.servesNote ?? "",
    startsOn: v.startsOn ?? "",
    endsOn: v.endsOn ?? "",
    public: v.public === "on",
    open: v.open === "on",
  };
}

export function DriveFormPage(props: View & { form: FormState; drive?: Drive }) {
  const t = suppliesText[props.lang];
  const editing = props.drive !== undefined;
  const back = editing ? `/supplies/${props.drive?.id}` : "/supplies";
  return (
    <FormPage
      {...props}
      title={editing ? t.edit_title : t.new_title}
      section="supplies"
      form={props.form}
      action={back}
      submitLabel={editing ? t.save : t.create}
      cancelHref={back}
    >
      <Field name="title_es" label={t.title_es} required maxlength={1000} />
      <Field name="title_en" label={t.title_en} maxlength={1000} />
      <Field name="slug" label={t.slug} hint={t.slug_hint} required maxlength={100} />
      <TextArea
        name="description_es"
        label={t.description_es}
        hint={t.description_hint}
        maxlength={20_000}
      />
      <TextArea name="description_en" label={t.description_en} maxlength={20_000} />
      <Select
        name="serves"
        label={t.serves}
        options={[
          { value: "shelter", label: t.serves_shelter },
          { value: "family", label: t.serves_family },
          { value: "other", label: t.serves_other },
        ]}
      />
      <Field name="servesNote" label={t.serves_note} maxlength={2000} />
      <Field name="startsOn" label={t.starts_on} type="date" />
      <Field name="endsOn" label={t.ends_on} type="date" />
      <Checkbox name="open" label={t.open} />
      <Checkbox name="public" label={t.public} />
    </FormPage>
  );
}
