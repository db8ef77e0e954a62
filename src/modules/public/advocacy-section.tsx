import { type Bilingual, pick } from "../../platform/bilingual";
import { formatNumber, type Lang } from "../../platform/i18n";
import { Facts } from "../../platform/ui/facts";
import type { PublicAdvocacy } from "../advocacy/public-advocacy";
import { advocacyPublicText } from "./advocacy-public.messages";

// The advocacy block of the public campaign page (styled by public.css, "advocacy"): who to
// call or visit, what to say, and an "I called" button. Works with JavaScript off.
//
// "I called" must carry the visitor's own CSRF token. A page rendered per request passes
// `csrf` and gets a one-tap POST form. A page served from stored bytes (the same for every
// visitor, sent with no cookie) leaves `csrf` out: the button is then a link to a small
// confirmation page (GET /p/{org}/c/{slug}/advocacy/{id}), which sets the cookie and holds
// the POST form. Either way the count comes back to the campaign page at #called-{id},
// where the thank-you shows (CSS :target, or `thanked` when rendered per request).

export type AdvocacySectionProps = {
  items: PublicAdvocacy[];
  lang: Lang;
  orgSlug: string;
  campaignSlug: string;
  /** The visitor's CSRF token, for pages rendered per request; leave out on stored pages. */
  csrf?: string | undefined;
  /** The call campaign id just counted (the `called` query flag), on per-request pages. */
  thanked?: string | undefined;
};

/** Where "I called" brings the visitor back to: the campaign page, in the same language. */
export const campaignPath = (orgSlug: string, campaignSlug: string, lang: Lang) =>
  `/p/${orgSlug}/c/${campaignSlug}?lang=${lang}`;

/** The confirmation page for visitors of a stored page. */
export const confirmPath = (orgSlug: string, campaignSlug: string, id: string, lang: Lang) =>
  `/p/${orgSlug}/c/${campaignSlug}/advocacy/${id}?lang=${lang}`;

/** The POST that counts one call. */
export const calledAction = (orgSlug: string, id: string) => `/p/${orgSlug}/advocacy/${id}/called`;

export function AdvocacySection(props: AdvocacySectionProps) {
  if (props.items.length === 0) return null;
  const t = advocacyPublicText[props.lang];
  return (
    <section aria-labelledby="advocacy" class="pub-advocacy">
      <h2 id="advocacy">{t.section_title}</h2>
      {props.items.map((item) => (
        <Item {...props} item={item} />
      ))}
    </section>
  );
}

function Item(props: AdvocacySectionProps & { item: PublicAdvocacy }) {
  const { item, lang } = props;
  const t = advocacyPublicText[lang];
  const other: Lang = lang === "es" ? "en" : "es";
  const visit = item.kind === "visit";
  const thanked = props.thanked === item.id;
  return (
    <article class="pub-adv" id={`advocacy-${item.id}`}>
      <Picked tag="h3" text={item.title} lang={lang} />
      <p class="pub-adv-count">
        {(visit ? t.counted_visit : t.counted_call)(item.counted, formatNumber(item.counted, lang))}
      </p>
      <Picked tag="p" class="pub-adv-text" text={item.ask} lang={lang} />
      <h4>{visit ? t.where_visit : t.where_call}</h4>
      <ul class="pub-adv-targets">
        {item.targets.map((target) => (
          <li>
            <p class="pub-adv-name">{target.name}</p>
            {target.phones.map((phone) => (
              <p class="pub-adv-call">
                <a
                  class="pub-button"
                  href={phone.tel}
                  aria-label={t.call_number(phone.display, target.name)}
                >
                  {t.call}
                  <span class="pub-adv-number">{phone.display}</span>
                </a>
              </p>
            ))}
            {(target.address || target.hours) && (
              <Facts
                class="pub-adv-facts"
                items={[
                  target.address && { label: t.address, value: target.address },
                  target.hours && { label: t.hours, value: target.hours },
                ]}
              />
            )}
          </li>
        ))}
      </ul>
      <h4>{t.script_title}</h4>
      <Picked tag="blockquote" class="pub-adv-script" text={item.script} lang={lang} />
      {item.script[lang].trim() && item.script[other].trim() && (
        <details class="pub-adv-other">
          <summary>{t.script_other}</summary>
          <blockquote class="pub-adv-script" lang={other}>
            {item.script[other]}
          </blockquote>
        </details>
      )}
      <p
        id={`called-${item.id}`}
        class={`pub-adv-thanks${thanked ? " is-shown" : ""}`}
        role={thanked ? "status" : undefined}
        tabindex={-1}
      >
        {visit ? t.thanks_visit : t.thanks_call}
      </p>
      <CalledButton {...props} />
      <p class="pub-muted">{t.called_hint}</p>
    </article>
  );
}

function CalledButton(props: AdvocacySectionProps & { item: PublicAdvocacy }) {
  const t = advocacyPublicText[props.lang];
  const label = props.item.kind === "visit" ? t.called_visit : t.called_call;
  if (!props.csrf) {
    return (
      <p>
        <a
          class="pub-adv-done"
          href={confirmPath(props.orgSlug, props.campaignSlug, props.item.id, props.lang)}
        >
          {label}
        </a>
      </p>
    );
  }
  return (
    <form method="post" action={calledAction(props.orgSlug, props.item.id)} class="pub-adv-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input
        type="hidden"
        name="next"
        value={campaignPath(props.orgSlug, props.campaignSlug, props.lang)}
      />
      <button type="submit" class="pub-adv-done">
        {label}
      </button>
    </form>
  );
}

/** A text in the page's language, or the other one marked with its `lang`. */
function Picked(props: {
  tag: "h3" | "p" | "blockquote";
  class?: string;
  text: Bilingual;
  lang: Lang;
}) {
  const chosen = pick(props.text, props.lang);
  const Tag = props.tag;
  return (
    <Tag class={props.class} lang={chosen.lang === props.lang ? undefined : chosen.lang}>
      {chosen.text}
    </Tag>
  );
}
