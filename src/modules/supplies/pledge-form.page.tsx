import { pick } from "../../platform/bilingual";
import type { Lang } from "../../platform/i18n";
import { fieldAria } from "../../platform/ui/field-frame";
import { PublicFrame, PublicInput } from "../../platform/ui/public-fields";
import { PublicLayout } from "../../platform/ui/public-layout";
import { drivePath } from "./drive-public.page";
import type { PublicDrive } from "./public-drive";
import { suppliesPublicText } from "./supplies-public.messages";
import { amountText, itemLabel } from "./units";

// The pledge form: its own page, rendered per request (it carries a CSRF token), reached
// from a "I'll bring this" link on the stored drive page. Consent starts unticked; a hidden
// field catches bots that fill in everything.

export type PledgeForm = { values: Record<string, string>; errors: Record<string, string> };

type Key = keyof (typeof suppliesPublicText)["es"];

/** Which message explains a field error on the public form. */
export function publicFieldMessage(error: string): Key {
  switch (error) {
    case "required":
      return "field_required";
    case "too_long":
      return "field_too_long";
    case "invalid_contact":
      return "field_contact";
    case "consent_required":
      return "field_consent";
    case "more_than_needed":
      return "field_too_many";
    case "point_inactive":
      return "field_point";
    default:
      return error.startsWith("quantity") ? "field_quantity" : "field_invalid";
  }
}

/** A field's error in the pledge form's own words, or nothing. */
function problemOf(form: PledgeForm, lang: Lang) {
  return (name: string) => {
    const error = form.errors[name];
    const text = error && suppliesPublicText[lang][publicFieldMessage(error)];
    return typeof text === "string" ? text : undefined;
  };
}

function Problem(props: { text: string | undefined; name: string }) {
  if (!props.text) return null;
  return (
    <p class="pub-error" id={`${props.name}-error`}>
      {props.text}
    </p>
  );
}

export function PledgeFormPage(props: {
  data: PublicDrive;
  lang: Lang;
  csrf: string;
  form: PledgeForm;
  url: string;
  notice?: string | undefined;
}) {
  const { data, lang, form } = props;
  const t = suppliesPublicText[lang];
  const title = pick(data.drive.title, lang).text;
  const v = form.values;
  const problem = problemOf(form, lang);
  /** A field's name, what was typed and its error (its id is its name). */
  const input = (name: string) => ({ name, value: v[name], error: problem(name) });
  const field = (name: string) => (form.errors[name] ? "pub-field pub-has-error" : "pub-field");
  return (
    <PublicLayout
      lang={lang}
      title={t.pledge_title}
      description={title}
      orgName={data.org.name}
      url={props.url}
    >
      <article class="pub-pledge">
        <p class="pub-muted">
          <a href={`${drivePath(data.org.slug, data.drive.slug)}?lang=${lang}`}>{title}</a>
        </p>
        <h1>{t.pledge_title}</h1>
        <p>{t.pledge_lede}</p>
        {props.notice && (
          <p class="pub-error" role="alert">
            {props.notice}
          </p>
        )}
        <form method="post" action={`${props.url}?lang=${lang}`} class="pub-form" novalidate>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="language" value={v.language || lang} />
          <fieldset class={field("needId")}>
            <legend>{t.what}</legend>
            <Problem text={problem("needId")} name="needId" />
            {data.needs.map((n) => (
              <label class="pub-choice">
                <input type="radio" name="needId" value={n.id} checked={v.needId === n.id} />
                <span>
                  {itemLabel(n.item, n.variant, lang)}
                  <span class="pub-muted">
                    {" "}
                    ·{" "}
                    {t.missing(
                      amountText(n.figures.stillNeeded, n.unit, lang),
                      n.figures.stillNeeded === 1000,
                    )}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <PublicInput {...input("quantity")} label={t.how_many} inputmode="decimal" />
          {data.points.length > 0 && (
            <PublicFrame id="pointId" label={t.where} error={problem("pointId")}>
              <select
                id="pointId"
                name="pointId"
                {...fieldAria({ id: "pointId", error: problem("pointId") })}
              >
                <option value="">{t.any_point}</option>
                {data.points.map((p) => (
                  <option value={p.id} selected={v.pointId === p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </PublicFrame>
          )}
          <PublicInput {...input("dueOn")} label={t.by_when} type="date" />
          <PublicInput {...input("name")} label={t.name} autocomplete="name" maxlength={200} />
          <PublicInput
            {...input("contact")}
            label={t.contact}
            hint={t.contact_hint}
            autocomplete="tel"
            maxlength={200}
          />
          <div class={field("consent")}>
            <Problem text={problem("consent")} name="consent" />
            <label class="pub-choice">
              <input type="checkbox" name="consent" value="yes" checked={v.consent === "yes"} />
              <span>{t.consent}</span>
            </label>
          </div>
          {/* Honeypot: people never see it; a bot that fills it in is thanked and ignored. */}
          <div hidden>
            <label for="website">Website</label>
            <input id="website" name="website" tabindex={-1} autocomplete="off" />
          </div>
          <p>
            <button type="submit" class="pub-button">
              {t.send}
            </button>
          </p>
        </form>
      </article>
    </PublicLayout>
  );
}

export function PledgeThanksPage(props: {
  data: PublicDrive;
  lang: Lang;
  url: string;
  repeated: boolean;
}) {
  const t = suppliesPublicText[props.lang];
  const back = `${drivePath(props.data.org.slug, props.data.drive.slug)}?lang=${props.lang}`;
  return (
    <PublicLayout
      lang={props.lang}
      title={t.thanks_title}
      description={t.thanks_title}
      orgName={props.data.org.name}
      url={props.url}
    >
      <article class="pub-pledge">
        <h1>{t.thanks_title}</h1>
        <p class="pub-note" role="status">
          {t.thanks_body}
        </p>
        <p>
          <a class="pub-button" href={back}>
            {t.back}
          </a>
        </p>
      </article>
    </PublicLayout>
  );
}
