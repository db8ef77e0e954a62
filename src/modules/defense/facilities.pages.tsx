import { common } from "../../platform/common.messages";
import type { SignedIn } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { FormPage } from "../../platform/ui/blocks";
import { Facts, PhoneLinks } from "../../platform/ui/facts";
import { Field, type FormState, PhonesField, TextArea } from "../../platform/ui/forms";
import { ListPage, listSearch, listStates, onePage } from "../../platform/ui/list-page";
import { facilitiesText } from "./facilities.messages";
import { FACILITY_LIMITS, type Facility } from "./facility";

type View = { lang: Lang; csrf: string; path: string; auth: SignedIn };

export function FacilitiesPage(
  props: View & { facilities: Facility[]; q: string; notice?: string },
) {
  const t = facilitiesText[props.lang];
  const writer = can(props.auth.role, "facilities.write");
  const total = props.facilities.length;
  return (
    <ListPage
      {...props}
      title={t.title}
      section="cases"
      back={{ href: "/cases", label: t.back_to_cases }}
      add={writer ? { href: "/facilities/new", label: t.add } : null}
      lead={<p class="lede">{t.lede}</p>}
      search={listSearch(t, "/facilities", props.q)}
      filtering={props.q !== ""}
      {...onePage(total, "/facilities")}
      count={t.found(total)}
      {...listStates(t)}
    >
      <ul class="list">
        {props.facilities.map((f) => (
          <li class="list-item facility" id={`facility-${f.id}`}>
            <h2 class="title">{f.name}</h2>
            <FacilityFacts facility={f} lang={props.lang} />
            {writer && (
              <a class="button secondary" href={`/facilities/${f.id}/edit`}>
                {t.edit}
                <span class="visually-hidden"> {f.name}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </ListPage>
  );
}

function FacilityFacts(props: { facility: Facility; lang: Lang }) {
  const t = facilitiesText[props.lang];
  const f = props.facility;
  return (
    <Facts
      items={[
        f.address && { label: t.address, value: f.address },
        f.phones.length > 0 && { label: t.phones, value: <PhoneLinks phones={f.phones} /> },
        f.visitingHours && { label: t.visiting_hours, value: f.visitingHours, class: "prewrap" },
        f.notes && { label: t.notes, value: f.notes, class: "prewrap" },
      ]}
    />
  );
}

export function FacilityFormPage(
  props: View & { form: FormState; facility?: { id: string; name: string } },
) {
  const t = facilitiesText[props.lang];
  const { form, lang } = props;
  const title = props.facility ? t.edit_title(props.facility.name) : t.new_title;
  return (
    <FormPage
      {...props}
      title={title}
      section="cases"
      form={form}
      action={props.facility ? `/facilities/${props.facility.id}` : "/facilities"}
      submitLabel={props.facility ? common[lang].save : t.create_submit}
      cancelHref={"/facilities"}
      back={{ href: "/facilities", label: t.title }}
    >
      <div class="panel">
        <Field name="name" label={t.name} required maxlength={FACILITY_LIMITS.name} />
        <TextArea name="address" label={t.address} maxlength={FACILITY_LIMITS.address} />
        <PhonesField label={t.phones} hint={t.phones_hint} />
        <TextArea
          name="visiting_hours"
          label={t.visiting_hours}
          maxlength={FACILITY_LIMITS.hours}
        />
        <TextArea
          name="notes"
          label={t.notes}
          hint={t.notes_hint}
          maxlength={FACILITY_LIMITS.notes}
        />
      </div>
    </FormPage>
  );
}
