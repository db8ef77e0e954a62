import type { Child } from "hono/jsx";
import type { SignedIn } from "../../platform/http";
import { formatDate, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { ConfirmPage, Notice } from "../../platform/ui/blocks";
import { Csrf } from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { peopleText } from "./people.messages";
import type { Person } from "./person";

type Props = {
  lang: Lang;
  csrf: string;
  path: string;
  auth: SignedIn;
  person: Person;
  sensitive?: { birthdate: string | null; homeAddress: string | null };
  notice?: string;
  /** Sections of other modules (see person-sections.ts). */
  extra?: { top: Child[]; bottom: Child[] };
};

export function PersonPage(props: Props) {
  const t = peopleText[props.lang];
  const { person: p, auth, lang } = props;
  const fullName = [p.givenName, p.familyName].filter(Boolean).join(" ");
  const tz = auth.org.timeZone;
  return (
    <Page {...props} title={p.displayName} section="people">
      <p>
        <a href="/people">← {t.title}</a>
      </p>
      <div class="page-head">
        <div>
          <h1>{p.displayName}</h1>
          <span class={`badge level-${p.engagementLevel}`}>{t[`level_${p.engagementLevel}`]}</span>
        </div>
        {can(auth.role, "people.write") && (
          <a class="button secondary" href={`/people/${p.id}/edit`}>
            {t.edit}
          </a>
        )}
      </div>
      <Notice text={props.notice} />
      {props.extra?.top}
      <Panel title={t.contact_section}>
        <dl class="facts">
          {fullName && (
            <>
              <dt>
                {t.given_name} / {t.family_name}
              </dt>
              <dd>{fullName}</dd>
            </>
          )}
          <dt>{t.emails}</dt>
          <dd>{p.emails.length ? p.emails.map((e) => e.address).join(", ") : t.none}</dd>
          <dt>{t.phones}</dt>
          <dd>
            {p.phones.length
              ? p.phones.map((ph, i) => (
                  <>
                    {i > 0 && ", "}
                    <a href={`tel:${ph.number.replace(/[^\d+]/g, "")}`}>{ph.number}</a>
                  </>
                ))
              : t.none}
          </dd>
          <dt>{t.preferred_language}</dt>
          <dd>{p.preferredLanguage ? t[`lang_${p.preferredLanguage}`] : t.lang_unknown}</dd>
        </dl>
      </Panel>
      <Panel title={t.about_section}>
        <dl class="facts">
          <dt>{t.tags}</dt>
          <dd>{p.tags.length ? p.tags.map((tag) => <span class="tag">{tag}</span>) : t.none}</dd>
          <dt>{t.notes}</dt>
          <dd>{p.notes ?? t.none}</dd>
        </dl>
        <p class="muted">{t.added_on(formatDate(p.createdAt, lang, tz))}</p>
      </Panel>
      <Panel title={t.sensitive_title} class="sensitive">
        {props.sensitive ? (
          <>
            <dl class="facts">
              <dt>{t.birthdate}</dt>
              <dd>{props.sensitive.birthdate ?? t.sensitive_none}</dd>
              <dt>{t.home_address}</dt>
              <dd>{props.sensitive.homeAddress ?? t.sensitive_none}</dd>
            </dl>
            <p class="hint">{t.sensitive_logged}</p>
          </>
        ) : (
          <>
            <dl class="facts">
              <dt>{t.birthdate}</dt>
              <dd>{p.hasBirthdate ? t.sensitive_saved : t.sensitive_none}</dd>
              <dt>{t.home_address}</dt>
              <dd>{p.hasHomeAddress ? t.sensitive_saved : t.sensitive_none}</dd>
            </dl>
            {can(auth.role, "people.sensitive") ? (
              (p.hasBirthdate || p.hasHomeAddress) && (
                <form method="post" action={`/people/${p.id}/sensitive`}>
                  <Csrf token={props.csrf} />
                  <p class="hint">{t.sensitive_hint}</p>
                  <button type="submit" class="secondary">
                    {t.show_sensitive}
                  </button>
                </form>
              )
            ) : (
              <p class="hint">{t.sensitive_no_access}</p>
            )}
          </>
        )}
      </Panel>
      {props.extra?.bottom}
      {can(auth.role, "people.delete") && (
        <p>
          <a href={`/people/${p.id}/delete`} class="danger-link">
            {t.delete}
          </a>
        </p>
      )}
    </Page>
  );
}

export function DeletePersonPage(props: Omit<Props, "sensitive" | "notice">) {
  const t = peopleText[props.lang];
  const p = props.person;
  return (
    <ConfirmPage
      {...props}
      title={t.delete_title(p.displayName)}
      section="people"
      body={t.delete_body}
      action={`/people/${p.id}/delete`}
      confirmLabel={t.delete_confirm}
      cancelHref={`/people/${p.id}`}
    />
  );
}
