import { formatDateTime } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { instantToZoned } from "../../platform/time";
import { ConfirmPage, RecordHead } from "../../platform/ui/blocks";
import { CommaList, Facts } from "../../platform/ui/facts";
import { Checkbox, Field, Form, FormAlert, type FormState, Select } from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { ItemList, PersonTitle } from "../../platform/ui/lists";
import { outreachText } from "./outreach.messages";
import { TotalsStats, type View } from "./outreach-ui";
import { totalsOf } from "./shift";
import type { Shift } from "./shift-record";

type Props = View & {
  shift: Shift;
  eventTitle: string | null;
  names: Map<string, string>;
  signUpForm: FormState;
  notice?: string | undefined;
};

export function ShiftPage(props: Props) {
  const t = outreachText[props.lang];
  const { shift: s, lang } = props;
  const writer = can(props.auth.role, "outreach.write");
  const totals = totalsOf([{ ...s, monthKey: "", signUps: s.signUps.length, team: s.team.length }]);
  const name = (id: string) => props.names.get(id) ?? "—";
  const form = props.signUpForm;
  return (
    <Page {...props} title={`${t[`kind_${s.kind}`]}: ${s.area}`} section="outreach">
      <RecordHead
        back={{ href: "/outreach", label: t.back }}
        title={s.area}
        badges={<span class="badge">{t[`kind_${s.kind}`]}</span>}
        edit={writer && { href: `/outreach/${s.id}/edit`, label: t.edit }}
        notice={props.notice}
      />
      <Panel>
        <Facts
          items={[
            {
              label: t.when,
              value: (
                <>
                  {formatDateTime(s.startsAt, lang, s.timeZone)} –{" "}
                  {instantToZoned(s.endsAt, s.timeZone).time}
                </>
              ),
            },
            s.eventId &&
              props.eventTitle && {
                label: t.action,
                value: <a href={`/actions/${s.eventId}`}>{props.eventTitle}</a>,
              },
            {
              label: t.team,
              value:
                s.team.length === 0 ? (
                  t.team_none_on_shift
                ) : (
                  <CommaList items={s.team.map((id) => <a href={`/people/${id}`}>{name(id)}</a>)} />
                ),
            },
            s.notes && { label: t.notes, value: s.notes, class: "prewrap" },
          ]}
        />
        <TotalsStats totals={totals} lang={lang} single />
      </Panel>
      <Panel title={t.sign_ups_title}>
        <ItemList
          items={s.signUps}
          none={t.sign_ups_none}
          item={(id) => (
            <>
              <PersonTitle id={id} name={name(id)} />
            </>
          )}
        />
        {can(props.auth.role, "people.write") && writer && (
          <Form
            action={`/outreach/${s.id}/sign-ups`}
            class="subform"
            csrf={props.csrf}
            form={form}
            lang={lang}
          >
            <h3>{t.add_sign_up}</h3>
            <p class="hint">{t.sign_up_hint}</p>
            <FormAlert form={form} lang={lang} />
            <Field name="name" label={t.sign_up_name} required maxlength={120} autocomplete="off" />
            <Field
              name="phone"
              label={t.sign_up_phone}
              type="tel"
              maxlength={40}
              autocomplete="off"
            />
            <Field
              name="email"
              label={t.sign_up_email}
              type="email"
              maxlength={254}
              autocomplete="off"
            />
            <Select
              name="language"
              label={t.sign_up_language}
              options={[
                { value: "es", label: "Español" },
                { value: "en", label: "English" },
              ]}
            />
            <Checkbox name="consent" label={t.sign_up_consent} />
            <button type="submit" class="secondary">
              {t.sign_up_submit}
            </button>
          </Form>
        )}
      </Panel>
      {writer && (
        <p>
          <a href={`/outreach/${s.id}/delete`} class="danger-link">
            {t.delete}
          </a>
        </p>
      )}
    </Page>
  );
}

export function DeleteShiftPage(props: View & { shift: Shift }) {
  const t = outreachText[props.lang];
  return (
    <ConfirmPage
      {...props}
      title={t.delete_title}
      section="outreach"
      body={t.delete_body}
      action={`/outreach/${props.shift.id}/delete`}
      confirmLabel={t.delete_confirm}
      cancelHref={`/outreach/${props.shift.id}`}
    />
  );
}
