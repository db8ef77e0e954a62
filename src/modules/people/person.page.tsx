import type { Child } from "hono/jsx";
import { formatDate } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { ConfirmPage, RecordHead } from "../../platform/ui/blocks";
import { Facts, PhoneLinks } from "../../platform/ui/facts";
import { Page, Panel } from "../../platform/ui/layout";
import { SensitivePanel } from "../../platform/ui/sensitive";
import type { ViewProps } from "../../platform/ui/view";
import { peopleText } from "./people.messages";
import type { Person } from "./person";

type Props = ViewProps & {
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
      <RecordHead
        back={{ href: "/people", label: t.title }}
        title={p.displayName}
        badges={
          <span class={`badge level-${p.engagementLevel}`}>{t[`level_${p.engagementLevel}`]}</span>
        }
        edit={can(auth.role, "people.write") && { href: `/people/${p.id}/edit`, label: t.edit }}
        notice={props.notice}
      />
      {props.extra?.top}
      <Panel title={t.contact_section}>
        <Facts
          items={[
            fullName && {
              label: (
                <>
                  {t.given_name} / {t.family_name}
                </>
              ),
              value: fullName,
            },
            {
              label: t.emails,
              value: p.emails.length ? p.emails.map((e) => e.address).join(", ") : t.none,
            },
            {
              label: t.phones,
              value: p.phones.length ? (
                <PhoneLinks phones={p.phones.map((ph) => ph.number)} />
              ) : (
                t.none
              ),
            },
            {
              label: t.preferred_language,
              value: p.preferredLanguage ? t[`lang_${p.preferredLanguage}`] : t.lang_unknown,
            },
          ]}
        />
      </Panel>
      <Panel title={t.about_section}>
        <Facts
          items={[
            {
              label: t.tags,
              value: p.tags.length ? p.tags.map((tag) => <span class="tag">{tag}</span>) : t.none,
            },
            { label: t.notes, value: p.notes ?? t.none },
          ]}
        />
        <p class="muted">{t.added_on(formatDate(p.createdAt, lang, tz))}</p>
      </Panel>
      <SensitivePanel
        title={t.sensitive_title}
        csrf={props.csrf}
        revealed={!!props.sensitive}
        mayReveal={can(auth.role, "people.sensitive")}
        revealAction={`/people/${p.id}/sensitive`}
        facts={[
          {
            label: t.birthdate,
            value: props.sensitive?.birthdate ?? t.sensitive_none,
            saved: p.hasBirthdate,
          },
          {
            label: t.home_address,
            value: props.sensitive?.homeAddress ?? t.sensitive_none,
            saved: p.hasHomeAddress,
          },
        ]}
        texts={{
          saved: t.sensitive_saved,
          notSaved: t.sensitive_none,
          logged: t.sensitive_logged,
          hint: t.sensitive_hint,
          show: t.show_sensitive,
          noAccess: t.sensitive_no_access,
        }}
      />
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
