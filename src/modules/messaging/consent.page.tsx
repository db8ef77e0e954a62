import type { AppContext } from "../../platform/http";
import { formatDateTime, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Back, Notice } from "../../platform/ui/blocks";
import {
  Form,
  FormAlert,
  type FormState,
  languageOptions,
  optionsOf,
  Select,
  SubmitOrCancel,
  TextArea,
} from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { ItemList } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import type { Person } from "../people/person";
import { PURPOSES } from "./consent";
import {
  type ConsentHistoryItem,
  consentHistory,
  type PointConsent,
  personConsent,
} from "./consent-history";
import { consentText } from "./messaging-consent.messages";

// The person page's consent section and the page where consent is recorded.

function CurrentConsent(props: { points: PointConsent[]; lang: Lang }) {
  const t = consentText[props.lang];
  return (
    <ItemList
      items={props.points}
      none={t.no_points}
      class="consent-points"
      item={(p) => (
        <>
          <span class="title">{p.shown}</span>
          {p.bounced && <span class="badge status-failed">{t.bounced}</span>}
          <ul class="consent-states">
            {PURPOSES.map((purpose) => (
              <li>
                {t[`purpose_${purpose}`]}:{" "}
                <strong class={`consent-${p.states[purpose]}`}>
                  {t[`state_${p.states[purpose]}`]}
                </strong>
              </li>
            ))}
          </ul>
        </>
      )}
    />
  );
}

function History(props: { items: ConsentHistoryItem[]; lang: Lang; timeZone: string }) {
  const t = consentText[props.lang];
  return (
    <ItemList
      items={props.items}
      none={t.history_none}
      class="consent-history"
      item={(r) => (
        <>
          <span class="title">
            {r.action === "grant" ? t.action_grant : t.action_revoke}: {t[`purpose_${r.purpose}`]}
          </span>
          <span class="meta">
            {r.address} · {t[`source_${r.source}`]} ·{" "}
            {formatDateTime(r.at, props.lang, props.timeZone)}
            {r.recordedBy ? ` · ${t.by(r.recordedBy)}` : ""}
          </span>
          {r.wording && (
            <blockquote class="consent-wording" lang={r.language ?? undefined}>
              {r.wording}
            </blockquote>
          )}
        </>
      )}
    />
  );
}

/** The person page's section, registered in app.ts through people's addPersonSection. */
export const consentSection = async (c: AppContext, person: Person) => {
  const auth = c.var.signedIn;
  const lang = c.get("lang");
  const t = consentText[lang];
  const db = c.get("deps").db;
  const points = await personConsent(db, auth.org.id, person);
  const history = await consentHistory(db, auth.org.id, person.id, person, 5);
  return (
    <Panel title={t.section_title}>
      <div id="consent">
        <CurrentConsent points={points} lang={lang} />
        {can(auth.role, "messaging.consent") && (
          <p>
            <a class="button secondary" href={`/people/${person.id}/consents`}>
              {t.record}
            </a>
          </p>
        )}
        <h3>{t.history}</h3>
        <History items={history} lang={lang} timeZone={auth.org.timeZone} />
      </div>
    </Panel>
  );
};

export function ConsentPage(
  props: ViewProps & {
    person: Person;
    points: PointConsent[];
    history: ConsentHistoryItem[];
    form: FormState;
    notice?: string | undefined;
  },
) {
  const t = consentText[props.lang];
  const back = `/people/${props.person.id}`;
  const title = t.page_title(props.person.displayName);
  return (
    <Page {...props} title={title} section="people">
      <div class="narrow">
        <Back link={{ href: back, label: t.back }} />
        <h1>{title}</h1>
        <Notice text={props.notice} />
        <CurrentConsent points={props.points} lang={props.lang} />
        {props.points.length > 0 && (
          <section class="panel">
            <h2 class="panel-title">{t.record}</h2>
            <p>{t.intro}</p>
            <FormAlert form={props.form} lang={props.lang} />
            <Form action={`${back}/consents`} csrf={props.csrf} form={props.form} lang={props.lang}>
              <Select
                name="contact"
                label={t.f_contact}
                required
                options={props.points.map((p) => ({ value: p.address, label: p.shown }))}
              />
              <Select
                name="purpose"
                label={t.f_purpose}
                required
                options={optionsOf(PURPOSES, (p) => t[`purpose_${p}`])}
              />
              <Select
                name="action"
                label={t.f_action}
                required
                options={[
                  { value: "grant", label: t.f_grant },
                  { value: "revoke", label: t.f_revoke },
                ]}
              />
              <Select
                name="source"
                label={t.f_source}
                required
                options={optionsOf(STAFF_SOURCES, (s) => t[`source_${s}`])}
              />
              <TextArea
                name="wording"
                label={t.f_wording}
                hint={t.f_wording_hint}
                maxlength={2000}
              />
              <Select
                name="language"
                label={t.f_language}
                options={languageOptions((l) => t[`lang_${l}`])}
              />
              <SubmitOrCancel lang={props.lang} label={t.save} cancelHref={back} />
            </Form>
          </section>
        )}
        <h2>{t.history}</h2>
        <History items={props.history} lang={props.lang} timeZone={props.auth.org.timeZone} />
      </div>
    </Page>
  );
}

/** What staff record by hand; SMS keywords and email links are recorded by themselves. */
const STAFF_SOURCES = ["paper", "verbal", "web_form"] as const;
