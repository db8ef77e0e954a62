import { type Bilingual, pick } from "../../platform/bilingual";
import { common } from "../../platform/common.messages";
import type { Lang } from "../../platform/i18n";
import { Facts } from "../../platform/ui/facts";
import type { FormState } from "../../platform/ui/forms";
import { PublicInput } from "../../platform/ui/public-fields";
import { Paragraphs, PublicLayout } from "../../platform/ui/public-layout";
import { actionsPublicText } from "./actions-public.messages";
import { whenAndWhere, whenText } from "./actions-ui";
import type { ActionEvent } from "./event-record";
import type { PublicEvent } from "./public-events";

type Props = PublicEvent & {
  lang: Lang;
  url: string;
  form: FormState;
  thanks: boolean;
  rateLimited?: boolean;
};

function PubField(props: {
  name: string;
  label: string;
  form: FormState;
  lang: Lang;
  type?: "email" | "tel";
  hint?: string;
  autocomplete?: string;
}) {
  const error = props.form.errors[props.name];
  return (
    <PublicInput
      {...props}
      id={`f-${props.name}`}
      type={props.type ?? "text"}
      value={props.form.values[props.name]}
      maxlength={254}
      error={error && common[props.lang][`field_${error}`]}
    />
  );
}

/** The RSVP's contact fields: the name, then an email or a phone to tell them of changes. */
const contactFields = (t: (typeof actionsPublicText)[Lang]) =>
  [
    { name: "name", label: t.f_name, autocomplete: "name" },
    {
      name: "email",
      label: t.f_email,
      type: "email",
      autocomplete: "email",
      hint: t.f_contact_hint,
    },
    { name: "phone", label: t.f_phone, type: "tel", autocomplete: "tel" },
  ] as const;

export function PublicEventPage(props: Props) {
  const t = actionsPublicText[props.lang];
  const e = props.event;
  const title = pick(e.title, props.lang);
  const description = pick(e.description, props.lang);
  const base = `/p/${props.org.slug}/e/${e.slug}`;
  const form = props.form;
  return (
    <PublicLayout
      lang={props.lang}
      title={title.text}
      description={description.text.slice(0, 160)}
      orgName={props.org.name}
      url={props.url}
    >
      <h1 lang={title.lang === props.lang ? undefined : title.lang}>{title.text}</h1>
      <Facts class="pub-facts" items={whenAndWhere(e, props.lang, t)} />
      {description.text && (
        <Paragraphs
          text={description.text}
          lang={description.lang === props.lang ? undefined : description.lang}
        />
      )}
      <p>
        <a href={`${base}.ics`}>{t.add_to_calendar}</a> ·{" "}
        <a href={`${base}/flyer.pdf?lang=${props.lang}`}>{t.flyer}</a>
      </p>
      {e.status === "done" ? (
        <p class="pub-note">{t.done_note}</p>
      ) : (
        <section id="rsvp" aria-labelledby="rsvp-h">
          <h2 id="rsvp-h">{t.rsvp_heading}</h2>
          {props.thanks && (
            <p class="pub-note" role="status">
              {t.thanks}
            </p>
          )}
          {props.rateLimited && (
            <p class="pub-error" role="alert">
              {t.rate_limited}
            </p>
          )}
          <p>{t.rsvp_intro}</p>
          <form
            method="post"
            action={`${base}/rsvp?lang=${props.lang}`}
            class="pub-form"
            novalidate
          >
            {contactFields(t).map((f) => (
              <PubField {...f} form={form} lang={props.lang} />
            ))}
            <div class="pub-field">
              <label for="f-language">{t.f_language}</label>
              <select id="f-language" name="language">
                <option value="es" selected={(form.values.language ?? props.lang) === "es"}>
                  {t.spanish}
                </option>
                <option value="en" selected={(form.values.language ?? props.lang) === "en"}>
                  {t.english}
                </option>
              </select>
            </div>
            <fieldset>
              <legend>{t.f_status}</legend>
              {(["going", "maybe"] as const).map((s) => (
                <label class="pub-choice">
                  <input
                    type="radio"
                    name="status"
                    value={s}
                    checked={(form.values.status ?? "going") === s}
                  />{" "}
                  {t[s]}
                </label>
              ))}
            </fieldset>
            <label class="pub-choice">
              <input
                type="checkbox"
                name="consent"
                value="on"
                checked={form.values.consent === "on"}
              />{" "}
              {t.f_consent}
            </label>
            <div class="pub-hp" aria-hidden="true">
              <label for="f-website">{t.honeypot}</label>
              <input
                id="f-website"
                name="website"
                type="text"
                tabindex={-1}
                autocomplete="off"
                value=""
              />
            </div>
            <button type="submit" class="pub-button">
              {t.send}
            </button>
          </form>
        </section>
      )}
    </PublicLayout>
  );
}

/** A campaign or drive the organization's public home page links to. */
export type PublicLinkItem = { href: string; title: Bilingual };

/**
 * The organization's public home, /p/{org}: upcoming public actions, and the open public
 * campaigns and drives, so a group can share one address on social media.
 */
export function PublicEventListPage(props: {
  lang: Lang;
  url: string;
  org: PublicEvent["org"];
  events: ActionEvent[];
  campaigns: PublicLinkItem[];
  drives: PublicLinkItem[];
}) {
  const t = actionsPublicText[props.lang];
  return (
    <PublicLayout
      lang={props.lang}
      title={t.home_title}
      description={t.home_title}
      orgName={props.org.name}
      url={props.url}
    >
      <h1>{t.list_title}</h1>
      {props.events.length === 0 ? (
        <p class="pub-muted">{t.list_empty}</p>
      ) : (
        <ul class="pub-events">
          {props.events.map((e) => {
            const title = pick(e.title, props.lang);
            return (
              <li>
                <a
                  href={`/p/${props.org.slug}/e/${e.slug}?lang=${props.lang}`}
                  lang={title.lang === props.lang ? undefined : title.lang}
                >
                  {title.text}
                </a>
                <br />
                <span class="pub-muted">
                  {[whenText(e, props.lang), e.placeName].filter(Boolean).join(" · ")}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href={`/p/${props.org.slug}/events.ics`}>{t.calendar_feed}</a>
      </p>
      <LinkSection heading={t.campaigns_heading} items={props.campaigns} lang={props.lang} />
      <LinkSection heading={t.drives_heading} items={props.drives} lang={props.lang} />
    </PublicLayout>
  );
}

function LinkSection(props: { heading: string; items: PublicLinkItem[]; lang: Lang }) {
  if (props.items.length === 0) return null;
  return (
    <section>
      <h2>{props.heading}</h2>
      <ul class="pub-events">
        {props.items.map((item) => {
          const title = pick(item.title, props.lang);
          return (
            <li>
              <a
                href={`${item.href}?lang=${props.lang}`}
                lang={title.lang === props.lang ? undefined : title.lang}
              >
                {title.text}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
