import { common } from "../../platform/common.messages";
import type { SignedIn } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { FormPage } from "../../platform/ui/blocks";
import { Field, type FormState, TextArea } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { facilitiesText } from "./facilities.messages";
import { FACILITY_LIMITS, type Facility } from "./facility";

type View = { lang: Lang; csrf: string; path: string; auth: SignedIn };

export function FacilitiesPage(
  props: View & { facilities: Facility[]; q: string; notice?: string },
) {
  const t = facilitiesText[props.lang];
  const writer = can(props.auth.role, "facilities.write");
  return (
    <Page {...props} title={t.title} section="cases">
      <p>
        <a href="/cases">← {t.back_to_cases}</a>
      </p>
      <div class="page-head">
        <h1>{t.title}</h1>
        {writer && (
          <a class="button" href="/facilities/new">
            {t.add}
          </a>
        )}
      </div>
      <p class="lede">{t.lede}</p>
      {props.notice && (
        <div class="alert alert-ok" role="status">
          {props.notice}
        </div>
      )}
      <search>
        <form method="get" action="/facilities" class="searchbar">
          <div class="field">
            <label for="f-q">{t.search_label}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              value={props.q}
              maxlength={200}
              autocomplete="off"
            />
          </div>
          <button type="submit" class="secondary">
            {common[props.lang].search}
          </button>
        </form>
      </search>
      {props.facilities.length === 0 ? (
        <div class="empty">
          {props.q ? (
            <>
              <h2>{t.no_results}</h2>
              <a class="button secondary" href="/facilities">
                {t.clear_search}
              </a>
            </>
          ) : (
            <>
              <h2>{t.empty_title}</h2>
              <p>{t.empty_body}</p>
              {writer && (
                <a class="button" href="/facilities/new">
                  {t.add}
                </a>
              )}
            </>
          )}
        </div>
      ) : (
        <ul class="list">
          {props.facilities.map((f) => (
            <li class="list-item facility" id={`facility-${f.id}`}>
              <h2 class="title">{f.name}</h2>
              <dl class="facts">
                {f.address && (
                  <>
                    <dt>{t.address}</dt>
                    <dd>{f.address}</dd>
                  </>
                )}
                {f.phones.length > 0 && (
                  <>
                    <dt>{t.phones}</dt>
                    <dd>
                      {f.phones.map((p, i) => (
                        <>
                          {i > 0 && ", "}
                          <a href={`tel:${p.replace(/[^\d+]/g, "")}`}>{p}</a>
                        </>
                      ))}
                    </dd>
                  </>
                )}
                {f.visitingHours && (
                  <>
                    <dt>{t.visiting_hours}</dt>
                    <dd class="prewrap">{f.visitingHours}</dd>
                  </>
                )}
                {f.notes && (
                  <>
                    <dt>{t.notes}</dt>
                    <dd class="prewrap">{f.notes}</dd>
                  </>
                )}
              </dl>
              {writer && (
                <a class="button secondary" href={`/facilities/${f.id}/edit`}>
                  {t.edit}
                  <span class="visually-hidden"> {f.name}</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
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
    >
      <div class="panel">
        <Field name="name" label={t.name} required maxlength={FACILITY_LIMITS.name} />
        <TextArea name="address" label={t.address} maxlength={FACILITY_LIMITS.address} />
        <Field
          name="phones"
          label={t.phones}
          hint={t.phones_hint}
          inputmode="tel"
          autocomplete="off"
        />
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
